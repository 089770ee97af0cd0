package org.distribooze.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pcap whose packet records are those of another pcap played {@code passes} times over, served from memory.
 * Every pass after the first meets only flows already known, so the difference between passes is the cost of
 * the per-packet path alone, without the per-flow costs.
 */
final class ReplayedCapture extends InputStream {

    private static final int PCAP_FILE_HEADER = 24;

    private final byte[] capture;
    private final int passes;
    private int pass;
    private int position;

    private ReplayedCapture(byte[] capture, int passes) {
        this.capture = capture;
        this.passes = passes;
    }

    static byte[] load(Path pcap) throws IOException {
        return Files.readAllBytes(pcap);
    }

    static ReplayedCapture of(byte[] capture, int passes) {
        return new ReplayedCapture(capture, passes);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position == capture.length) {
            if (pass + 1 >= passes) {
                return -1;
            }
            pass++;
            position = PCAP_FILE_HEADER;
        }

        int step = Math.min(length, capture.length - position);
        System.arraycopy(capture, position, into, offset, step);
        position += step;
        return step;
    }
}
