package org.distribooze.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A copy of a classic pcap capture cut halfway through the data of its middle packet record. Where the cut falls
 * is worked out here from the pcap layout alone (a 24-byte file header, then records of a 16-byte header whose
 * third field is the captured length, and that many bytes), not by the project's reader.
 */
record CutCapture(Path file, int recordOffset, int kept, int captured) {

    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int CAPTURED_LENGTH = 8;

    static CutCapture ofMiddleRecord(Path capture, Path copy) throws IOException {
        byte[] bytes = Files.readAllBytes(capture);
        ByteBuffer fields = fields(bytes);
        List<Integer> records = recordOffsets(bytes);

        int record = records.get(records.size() / 2);
        int captured = fields.getInt(record + CAPTURED_LENGTH);
        int kept = captured / 2;
        Files.write(copy, Arrays.copyOf(bytes, record + RECORD_HEADER + kept));
        return new CutCapture(copy, record, kept, captured);
    }

    /** Where each packet record of a classic pcap capture starts. */
    static List<Integer> recordOffsets(byte[] bytes) {
        ByteBuffer fields = fields(bytes);
        List<Integer> records = new ArrayList<>();
        for (int at = FILE_HEADER; at < bytes.length; at += RECORD_HEADER + fields.getInt(at + CAPTURED_LENGTH)) {
            records.add(at);
        }
        return records;
    }

    /** The capture's file header alone: a capture of no packets. */
    static void headerOnly(Path capture, Path copy) throws IOException {
        Files.write(copy, Arrays.copyOf(Files.readAllBytes(capture), FILE_HEADER));
    }

    private static ByteBuffer fields(byte[] bytes) {
        // The magic's first byte is A1 when it is written big-endian, in either timestamp unit.
        ByteOrder order = bytes[0] == (byte) 0xA1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return ByteBuffer.wrap(bytes).order(order);
    }

    /** What ExtractFlowHistograms puts in capture.truncation.reason for such a cut (see its unit tests). */
    String reason() {
        return "record at offset " + recordOffset + " cut short: " + kept + " of " + captured + " captured bytes";
    }
}
