package org.distribooze.cluster;

import java.util.Arrays;

/**
 * The flows' feature vectors with the duplicates folded: each distinct vector once, with the number of flows
 * that have it (its weight) and the first of those flows in input order. On real traffic most flows share their
 * vector with others (77 % of one recorded capture's did), so DBSCAN has far fewer points to compare.
 * <p>
 * A vector is a fixed number of 64-bit words, compared bit for bit: a bit mask of occupied bins, or the raw bits
 * of percentages. Flows with fewer packets than the minimum get no point. Memory: the distinct vectors, two ints
 * per distinct vector, one int per flow and a hash table of about four ints per distinct vector.
 */
final class DistinctFeatures {

    static final int NOT_CLUSTERED = -1;

    /** Writes one flow's vector into the words given. */
    @FunctionalInterface
    interface Vectoriser {
        void write(int flow, long[] words);
    }

    private final int words;
    private long[] vectors;
    private int[] weights;
    private int[] firstFlows;
    private final int[] pointOfFlow;
    private int size;

    private DistinctFeatures(int words, int flows) {
        this.words = words;
        this.vectors = new long[16 * words];
        this.weights = new int[16];
        this.firstFlows = new int[16];
        this.pointOfFlow = new int[flows];
    }

    /**
     * Folds the vectors of every flow with at least {@code minPackets} packets, in input order.
     *
     * @param words 64-bit words per vector, at least 1
     */
    static DistinctFeatures of(FlowHistograms flows, long minPackets, int words, Vectoriser vectoriser) {
        DistinctFeatures distinct = new DistinctFeatures(words, flows.size());
        HashIndex index = new HashIndex();
        long[] scratch = new long[words];

        for (int flow = 0; flow < flows.size(); flow++) {
            if (flows.packets(flow) < minPackets) {
                distinct.pointOfFlow[flow] = NOT_CLUSTERED;
                continue;
            }
            Arrays.fill(scratch, 0L);
            vectoriser.write(flow, scratch);
            distinct.pointOfFlow[flow] = index.findOrAdd(distinct, scratch, flow);
        }

        distinct.trim();
        return distinct;
    }

    int size() {
        return size;
    }

    int words() {
        return words;
    }

    /** The distinct vectors one after the other, {@link #words()} longs each; callers must not modify them. */
    long[] vectors() {
        return vectors;
    }

    /** Flows per distinct vector; callers must not modify them. */
    int[] weights() {
        return weights;
    }

    /** The first flow of each distinct vector, in input order; callers must not modify them. */
    int[] firstFlows() {
        return firstFlows;
    }

    /** Each flow's distinct vector, or {@link #NOT_CLUSTERED}. */
    int pointOf(int flow) {
        return pointOfFlow[flow];
    }

    /** Flows that have a point: all flows but those with too few packets. */
    long clusteredFlows() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += weights[i];
        }
        return sum;
    }

    /**
     * Puts the distinct vectors in a new order, for searches that need them sorted.
     *
     * @param order the old index of each new position, a permutation of 0 .. size - 1
     */
    void reorder(int[] order) {
        long[] newVectors = new long[size * words];
        int[] newWeights = new int[size];
        int[] newFirstFlows = new int[size];
        int[] newIndex = new int[size];

        for (int position = 0; position < size; position++) {
            int old = order[position];
            System.arraycopy(vectors, old * words, newVectors, position * words, words);
            newWeights[position] = weights[old];
            newFirstFlows[position] = firstFlows[old];
            newIndex[old] = position;
        }
        for (int flow = 0; flow < pointOfFlow.length; flow++) {
            if (pointOfFlow[flow] != NOT_CLUSTERED) {
                pointOfFlow[flow] = newIndex[pointOfFlow[flow]];
            }
        }

        vectors = newVectors;
        weights = newWeights;
        firstFlows = newFirstFlows;
    }

    private int add(long[] vector, int flow) {
        if (size == weights.length) {
            int capacity = Math.max(16, size + (size >> 1));
            vectors = Arrays.copyOf(vectors, capacity * words);
            weights = Arrays.copyOf(weights, capacity);
            firstFlows = Arrays.copyOf(firstFlows, capacity);
        }
        System.arraycopy(vector, 0, vectors, size * words, words);
        firstFlows[size] = flow;
        return size++;
    }

    private boolean sameVector(int point, long[] vector) {
        int offset = point * words;
        for (int w = 0; w < words; w++) {
            if (vectors[offset + w] != vector[w]) {
                return false;
            }
        }
        return true;
    }

    private void trim() {
        vectors = Arrays.copyOf(vectors, size * words);
        weights = Arrays.copyOf(weights, size);
        firstFlows = Arrays.copyOf(firstFlows, size);
    }

    /** Open addressing over the distinct vectors' indices, kept at most half full. */
    private static final class HashIndex {

        private int[] slots = emptySlots(1024);
        private int used;

        int findOrAdd(DistinctFeatures distinct, long[] vector, int flow) {
            int mask = slots.length - 1;
            int slot = hash(vector) & mask;
            while (slots[slot] >= 0) {
                int point = slots[slot];
                if (distinct.sameVector(point, vector)) {
                    distinct.weights[point]++;
                    return point;
                }
                slot = (slot + 1) & mask;
            }

            int point = distinct.add(vector, flow);
            distinct.weights[point] = 1;
            slots[slot] = point;
            if (++used * 2 > slots.length) {
                grow(distinct);
            }
            return point;
        }

        private void grow(DistinctFeatures distinct) {
            int[] bigger = emptySlots(slots.length * 2);
            int mask = bigger.length - 1;
            long[] vector = new long[distinct.words];
            for (int point = 0; point < distinct.size; point++) {
                System.arraycopy(distinct.vectors, point * distinct.words, vector, 0, distinct.words);
                int slot = hash(vector) & mask;
                while (bigger[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = point;
            }
            slots = bigger;
        }

        private static int[] emptySlots(int capacity) {
            int[] slots = new int[capacity];
            Arrays.fill(slots, -1);
            return slots;
        }

        // A 64-bit finaliser over the words: masks differ in few bits and percentages in low mantissa bits.
        private static int hash(long[] vector) {
            long h = 0x9E3779B97F4A7C15L;
            for (long word : vector) {
                h = (h ^ word) * 0xBF58476D1CE4E5B9L;
                h ^= h >>> 31;
            }
            h *= 0x94D049BB133111EBL;
            return (int) (h ^ (h >>> 32));
        }
    }
}
