package org.distribooze.nifi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.nifi.schema.access.SchemaNotFoundException;
import org.apache.nifi.serialization.MalformedRecordException;
import org.apache.nifi.serialization.RecordReader;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordSchema;
import org.distribooze.flow.Binning;

/**
 * Every flow record of one FlowFile with its histogram counts and packet count, checked so the clusterer gets
 * histograms of one length, each with at least one packet. Records are numbered from 1 in messages.
 */
final class ClusterInput {

    private final RecordSchema schema;
    private final List<Record> records = new ArrayList<>();
    private final List<long[]> histograms = new ArrayList<>();
    private final List<Long> packets = new ArrayList<>();
    private long totalPackets;

    private ClusterInput(RecordSchema schema) {
        this.schema = schema;
    }

    static ClusterInput read(RecordReader reader)
            throws IOException, MalformedRecordException, SchemaNotFoundException, FlowRecordException {
        ClusterInput input = new ClusterInput(reader.getSchema());
        Record record;
        while ((record = reader.nextRecord()) != null) {
            input.add(record);
        }
        return input;
    }

    private void add(Record record) throws FlowRecordException {
        int number = records.size() + 1;
        long[] counts = countsOf(record, number);
        if (!histograms.isEmpty() && histograms.get(0).length != counts.length) {
            throw new FlowRecordException("record " + number + " has a histogram of " + counts.length
                    + " bins where record 1 has " + histograms.get(0).length
                    + "; flows binned differently cannot be clustered together");
        }

        long flowPackets = packetsOf(record, number, counts);
        if (flowPackets > Long.MAX_VALUE - totalPackets) {
            throw new FlowRecordException("record " + number + " brings the packets of all records past "
                    + Long.MAX_VALUE + ", more than the cluster summaries can add up");
        }
        totalPackets += flowPackets;

        records.add(record);
        histograms.add(counts);
        packets.add(flowPackets);
    }

    private static long[] countsOf(Record record, int number) throws FlowRecordException {
        Object value = record.getValue(FlowRecordSchema.HISTOGRAM);
        if (value == null) {
            throw new FlowRecordException("record " + number + " has no " + FlowRecordSchema.HISTOGRAM + " field");
        }
        if (!(value instanceof Object[] bins)) {
            throw new FlowRecordException("record " + number + " has a " + FlowRecordSchema.HISTOGRAM
                    + " that is not an array of packet counts but " + describe(value));
        }
        if (bins.length == 0) {
            throw new FlowRecordException("record " + number + " has an empty " + FlowRecordSchema.HISTOGRAM);
        }
        // Clustering holds every distinct histogram as doubles; the cap ExtractFlowHistograms keeps bounds that.
        if (bins.length > Binning.MAX_BINS) {
            throw new FlowRecordException("record " + number + " has a histogram of " + bins.length
                    + " bins; at most " + Binning.MAX_BINS + " are clustered, as many as ExtractFlowHistograms makes");
        }

        long[] counts = new long[bins.length];
        long total = 0;
        for (int bin = 0; bin < bins.length; bin++) {
            counts[bin] = countOf(bins[bin], "bin " + bin + " (counting from 0) of the histogram of record " + number);
            if (counts[bin] > Long.MAX_VALUE - total) {
                throw new FlowRecordException("the histogram of record " + number + " adds up to more than "
                        + Long.MAX_VALUE + " packets");
            }
            total += counts[bin];
        }
        if (total == 0) {
            throw new FlowRecordException("record " + number + " has a histogram without a single packet");
        }
        return counts;
    }

    private static long packetsOf(Record record, int number, long[] counts) throws FlowRecordException {
        Object value = record.getValue(FlowRecordSchema.PACKETS);
        if (value == null) {
            long total = 0;
            for (long count : counts) {
                total += count;
            }
            return total;
        }
        return countOf(value, FlowRecordSchema.PACKETS + " of record " + number);
    }

    private static long countOf(Object value, String what) throws FlowRecordException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long count = ((Number) value).longValue();
            if (count < 0) {
                throw new FlowRecordException(what + " is negative: " + count);
            }
            return count;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() >= 0 && number.doubleValue() < Long.MAX_VALUE) {
            return number.longValue();
        }
        throw new FlowRecordException(what + " is not a whole number of packets but " + describe(value));
    }

    /** Names what a field holds in the words of someone reading the JSON, not of the JVM. */
    private static String describe(Object value) {
        if (value instanceof String text) {
            return "the text \"" + text + "\"";
        }
        if (value instanceof Number number) {
            return "the number " + number;
        }
        if (value instanceof Object[] || value instanceof java.util.Collection<?>) {
            return "a nested array";
        }
        if (value instanceof Record || value instanceof java.util.Map<?, ?>) {
            return "a nested object";
        }
        if (value instanceof Boolean flag) {
            return "the boolean " + flag;
        }
        return "a value of another kind (" + value + ")";
    }

    RecordSchema schema() {
        return schema;
    }

    List<Record> records() {
        return records;
    }

    List<long[]> histograms() {
        return histograms;
    }

    long packets(int flow) {
        return packets.get(flow);
    }

    int size() {
        return records.size();
    }
}
