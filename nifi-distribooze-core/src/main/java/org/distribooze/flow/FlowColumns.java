package org.distribooze.flow;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What each flow has carried so far, in pages of {@value KeyArena#PAGE_SLOTS} flows rather than an object per
 * flow: its bin counts in one array, and its bytes, first and last timestamps and timestamp digits side by side
 * in another, so a packet touches two places. A flow costs {@code 4 x bins + 32} bytes here (224 with the
 * default 48 bins), with no object header, and growing never copies what is stored.
 *
 * <p>Bin counts are kept as unsigned 32-bit numbers. A bin that passes 4,294,967,295 packets carries the
 * excess into a per-flow array of longs created at that moment, so no count is ever lost and the common case
 * pays four bytes per bin.
 */
final class FlowColumns {

    private static final int PAGE_BITS = KeyArena.PAGE_BITS;
    private static final int PAGE_FLOWS = KeyArena.PAGE_SLOTS;
    private static final int FLOW_MASK = KeyArena.SLOT_MASK;
    private static final int BYTES = 0;
    private static final int FIRST_SEEN = 1;
    private static final int LAST_SEEN = 2;
    private static final int DIGITS = 3;
    private static final int TOTALS = 4;
    private static final long UNSIGNED_INT_RANGE = 1L << 32;

    private final int bins;
    private int[][] counts = new int[0][];
    private long[][] totals = new long[0][];
    // Flows whose bins wrapped around, with the wrapped-off packets per bin; almost always empty.
    private Map<Integer, long[]> carried;

    FlowColumns(int bins) {
        this.bins = bins;
    }

    /** Readies the columns of a new flow, which must be the next index after the flows already added. */
    void add(int flow) {
        int page = flow >>> PAGE_BITS;
        if (page == counts.length) {
            addPage();
        }
        int at = (flow & FLOW_MASK) * TOTALS;
        totals[page][at + FIRST_SEEN] = Long.MAX_VALUE;
        totals[page][at + LAST_SEEN] = Long.MIN_VALUE;
    }

    void count(int flow, int bin, long ipLength, long timestampNanos, int timestampDigits) {
        int page = flow >>> PAGE_BITS;
        int inPage = flow & FLOW_MASK;
        int[] pageCounts = counts[page];
        int at = inPage * bins + bin;
        if (++pageCounts[at] == 0) {
            carry(flow, bin);
        }

        long[] pageTotals = totals[page];
        int base = inPage * TOTALS;
        pageTotals[base + BYTES] += ipLength;
        // Min and max rather than first and last: capture order is not always time order.
        pageTotals[base + FIRST_SEEN] = Math.min(pageTotals[base + FIRST_SEEN], timestampNanos);
        pageTotals[base + LAST_SEEN] = Math.max(pageTotals[base + LAST_SEEN], timestampNanos);
        pageTotals[base + DIGITS] = Math.max(pageTotals[base + DIGITS], timestampDigits);
    }

    /** The flow's packets per bin. */
    long[] counts(int flow) {
        long[] result = new long[bins];
        int[] pageCounts = counts[flow >>> PAGE_BITS];
        int at = (flow & FLOW_MASK) * bins;
        long[] wrapped = carried == null ? null : carried.get(flow);
        for (int bin = 0; bin < bins; bin++) {
            result[bin] = Integer.toUnsignedLong(pageCounts[at + bin]) + (wrapped == null ? 0 : wrapped[bin]);
        }
        return result;
    }

    long bytes(int flow) {
        return total(flow, BYTES);
    }

    long firstSeenNanos(int flow) {
        return total(flow, FIRST_SEEN);
    }

    long lastSeenNanos(int flow) {
        return total(flow, LAST_SEEN);
    }

    int timestampDigits(int flow) {
        return (int) total(flow, DIGITS);
    }

    /** Sets a bin's count directly, so tests can start it just below the 32-bit wrap. */
    void presetCount(int flow, int bin, int unsignedCount) {
        counts[flow >>> PAGE_BITS][(flow & FLOW_MASK) * bins + bin] = unsignedCount;
    }

    private long total(int flow, int column) {
        return totals[flow >>> PAGE_BITS][(flow & FLOW_MASK) * TOTALS + column];
    }

    private void carry(int flow, int bin) {
        if (carried == null) {
            carried = new HashMap<>();
        }
        carried.computeIfAbsent(flow, f -> new long[bins])[bin] += UNSIGNED_INT_RANGE;
    }

    private void addPage() {
        int pages = counts.length + 1;
        counts = Arrays.copyOf(counts, pages);
        totals = Arrays.copyOf(totals, pages);
        counts[pages - 1] = new int[PAGE_FLOWS * bins];
        totals[pages - 1] = new long[PAGE_FLOWS * TOTALS];
    }
}
