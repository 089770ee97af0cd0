package org.distribooze.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first and last packet times of a little-endian classic pcap, read straight from its record headers,
 * to check the command's timestamps against something it did not compute.
 */
record PcapRecordTimes(long firstSeconds, long firstFraction, long lastSeconds, long lastFraction,
                       boolean nanosecond) {

    private static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
    private static final int MAGIC_NANOSECONDS = 0xa1b23c4d;
    private static final int FILE_HEADER_LENGTH = 24;
    private static final int RECORD_HEADER_LENGTH = 16;

    static PcapRecordTimes of(Path capture) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(capture)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = file.getInt(0);
        if (magic != MAGIC_MICROSECONDS && magic != MAGIC_NANOSECONDS) {
            throw new IllegalArgumentException(capture + " is not a little-endian classic pcap");
        }

        long firstSeconds = Integer.toUnsignedLong(file.getInt(FILE_HEADER_LENGTH));
        long firstFraction = Integer.toUnsignedLong(file.getInt(FILE_HEADER_LENGTH + 4));
        int record = FILE_HEADER_LENGTH;
        int last = record;
        while (record + RECORD_HEADER_LENGTH <= file.limit()) {
            last = record;
            record += RECORD_HEADER_LENGTH + file.getInt(record + 8);
        }

        return new PcapRecordTimes(firstSeconds, firstFraction, Integer.toUnsignedLong(file.getInt(last)),
                Integer.toUnsignedLong(file.getInt(last + 4)), magic == MAGIC_NANOSECONDS);
    }
}
