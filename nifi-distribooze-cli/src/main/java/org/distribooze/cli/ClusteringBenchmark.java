package org.distribooze.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.distribooze.cluster.ClusteringResult;
import org.distribooze.cluster.Distance;
import org.distribooze.cluster.Epsilon;
import org.distribooze.cluster.FlowClusterer;
import org.distribooze.decode.ExtractionOptions;
import org.distribooze.flow.Binning;
import org.distribooze.flow.Transport;

/**
 * The steps of {@code bin/benchmark-clustering}, each run in a JVM of its own so that every timing is a first run,
 * as a NiFi task meets it:
 * <pre>
 * extract CAPTURE OUT                  the capture's TCP flows' histograms into OUT
 * synthesize REAL-CAPTURE FLOWS OUT    that many flows shaped like the capture's, into OUT
 * cluster FILE jaccard|euclidean       clusters the histograms in FILE with that mode's defaults; one result line
 * </pre>
 * Histogram files hold 48 little-endian 32-bit counts per flow, one flow after the other, for scikit-learn to read
 * the same vectors.
 */
public final class ClusteringBenchmark {

    private static final int BINS = Binning.DEFAULT.binCount();
    private static final long SEED = 42;
    private static final double KEPT_AS_RECORDED = 0.45;
    private static final double SPREAD_OF_LENGTH = 0.5;
    private static final double NUDGED = 0.2;
    private static final long MOST_PACKETS = 60_000;

    private ClusteringBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        PrintWriter out = new PrintWriter(System.out, true);
        if (args.length == 3 && args[0].equals("extract")) {
            List<long[]> flows = extract(Path.of(args[1]), out);
            write(flows, Path.of(args[2]));
        } else if (args.length == 4 && args[0].equals("synthesize")) {
            List<long[]> real = extract(Path.of(args[1]), out);
            write(synthesize(real, Integer.parseInt(args[2]), out), Path.of(args[3]));
        } else if (args.length == 3 && args[0].equals("cluster")) {
            cluster(Path.of(args[1]), args[2], out);
        } else {
            System.err.println("usage: ClusteringBenchmark extract CAPTURE OUT | synthesize REAL-CAPTURE FLOWS OUT"
                    + " | cluster FILE jaccard|euclidean");
            System.exit(2);
        }
    }

    private static List<long[]> extract(Path capture, PrintWriter out) {
        CaptureFiles reader = new CaptureFiles(new ExtractionOptions(EnumSet.of(Transport.TCP), Binning.DEFAULT));
        CaptureFiles.Captures read = reader.readAll(List.of(capture), new PrintWriter(System.err, true));
        if (read.unreadable() > 0) {
            throw new IllegalStateException("cannot read " + capture);
        }
        List<long[]> flows = new ArrayList<>(read.flows().size());
        for (CaptureFlow flow : read.flows()) {
            flows.add(flow.flow().counts());
        }
        out.println("extracted " + flows.size() + " TCP flows from " + capture.getFileName());
        return flows;
    }

    /**
     * Flows drawn from recorded ones, deterministically: each a recorded flow picked at random, kept as it is
     * (45 %) or drawn again: its packet count scaled by a log-normal factor (sigma 0.5, at least 4 and at most
     * 60,000 packets), its packets drawn one by one from the recorded flow's distribution, and one flow in five of
     * those with one packet moved to the next bin up. Recorded traffic repeats itself; redrawn flows give the many
     * slightly different distributions of a busy link.
     */
    static List<long[]> synthesize(List<long[]> real, int n, PrintWriter out) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[][] cumulative = new double[real.size()][];
        long[] packets = new long[real.size()];
        for (int f = 0; f < real.size(); f++) {
            packets[f] = Arrays.stream(real.get(f)).sum();
            cumulative[f] = new double[BINS];
            double sum = 0;
            for (int bin = 0; bin < BINS; bin++) {
                sum += real.get(f)[bin];
                cumulative[f][bin] = sum / packets[f];
            }
        }

        List<long[]> flows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int model = random.nextInt(real.size());
            if (random.nextDouble() < KEPT_AS_RECORDED) {
                flows.add(real.get(model).clone());
            } else {
                flows.add(redrawn(packets[model], cumulative[model], random));
            }
        }
        out.println("synthesized " + n + " flows from " + real.size() + " recorded ones");
        return flows;
    }

    private static long[] redrawn(long recordedPackets, double[] cumulative, SplittableRandom random) {
        double factor = Math.exp(random.nextGaussian() * SPREAD_OF_LENGTH);
        long n = Math.min(MOST_PACKETS, Math.max(4, Math.round(recordedPackets * factor)));
        long[] counts = new long[BINS];
        for (long k = 0; k < n; k++) {
            int bin = Arrays.binarySearch(cumulative, random.nextDouble());
            counts[Math.min(BINS - 1, bin < 0 ? -bin - 1 : bin + 1)]++;
        }
        if (random.nextDouble() < NUDGED) {
            int[] occupied = occupied(counts);
            int bin = occupied[random.nextInt(occupied.length)];
            if (bin < BINS - 1) {
                counts[bin]--;
                counts[bin + 1]++;
            }
        }
        return counts;
    }

    private static int[] occupied(long[] counts) {
        return IntStream.range(0, counts.length).filter(bin -> counts[bin] > 0).toArray();
    }

    private static void cluster(Path file, String mode, PrintWriter out) throws IOException {
        List<long[]> flows = read(file);
        Distance distance = mode.equals("euclidean") ? Distance.EUCLIDEAN_PERCENTAGES : Distance.JACCARD_OCCUPIED_BINS;
        FlowClusterer clusterer = FlowClusterer.withDefaults(distance);
        System.gc();
        resetPeaks();

        long start = System.nanoTime();
        ClusteringResult result = clusterer.cluster(flows);
        double seconds = (System.nanoTime() - start) / 1e9;

        long clusters = result.clusters().stream().filter(cluster -> cluster.id() >= 0).count();
        long noise = Arrays.stream(result.labels()).filter(label -> label == ClusteringResult.NOISE).count();
        out.println(String.format(Locale.ROOT, "RESULT flows=%d distinct_distributions=%d distinct_sets=%d"
                        + " eps=%s clusters=%d noise=%d seconds=%.2f peak_heap_mb=%d max_heap_mb=%d",
                flows.size(), distinctDistributions(flows), distinctSets(flows), epsilonText(result.epsilon()),
                clusters, noise, seconds, peakHeapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20));
    }

    private static String epsilonText(Epsilon epsilon) {
        return epsilon.fraction().map(fraction -> fraction + "=" + epsilon.value())
                .orElse(String.valueOf(epsilon.value()));
    }

    // Distributions are equal when the counts are proportional: the counts divided by their greatest common divisor,
    // counted by a 64-bit hash of them.
    private static long distinctDistributions(List<long[]> flows) {
        long[] hashes = new long[flows.size()];
        for (int i = 0; i < hashes.length; i++) {
            long[] counts = flows.get(i);
            long divisor = 0;
            for (long count : counts) {
                divisor = gcd(divisor, count);
            }
            long hash = 0;
            for (long count : counts) {
                hash = mix(hash ^ mix(count / divisor + 0x9E3779B97F4A7C15L));
            }
            hashes[i] = hash;
        }
        return distinct(hashes);
    }

    // SplitMix64's finaliser: 64 well-mixed bits, so 100,000 distinct vectors collide with odds below 1e-9.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long distinctSets(List<long[]> flows) {
        long[] masks = new long[flows.size()];
        for (int i = 0; i < masks.length; i++) {
            for (int bin = 0; bin < BINS; bin++) {
                masks[i] |= flows.get(i)[bin] > 0 ? 1L << bin : 0;
            }
        }
        return distinct(masks);
    }

    private static long distinct(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        long distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            distinct += i == 0 || sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        return distinct;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    // The sum of each heap pool's peak: an upper bound on the heap in use at any one time.
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    static void write(List<long[]> flows, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BINS * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long[] counts : flows) {
                buffer.clear();
                for (long count : counts) {
                    buffer.putInt(Math.toIntExact(count));
                }
                stream.write(buffer.array());
            }
        }
    }

    static List<long[]> read(Path file) throws IOException {
        long flows = Files.size(file) / (BINS * Integer.BYTES);
        List<long[]> histograms = new ArrayList<>((int) flows);
        byte[] record = new byte[BINS * Integer.BYTES];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream data = new DataInputStream(in)) {
            for (long f = 0; f < flows; f++) {
                data.readFully(record);
                ByteBuffer buffer = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
                long[] counts = new long[BINS];
                for (int bin = 0; bin < BINS; bin++) {
                    counts[bin] = buffer.getInt();
                }
                histograms.add(counts);
            }
        }
        return histograms;
    }
}
