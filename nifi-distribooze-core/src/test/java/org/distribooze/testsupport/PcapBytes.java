package org.distribooze.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes classic pcap files byte by byte, in either byte order, micro- or nanosecond. */
public final class PcapBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    private PcapBytes(ByteOrder order) {
        this.order = order;
    }

    public static PcapBytes file(ByteOrder order, boolean nanosecond, int snaplen, int linkType) {
        PcapBytes pcap = new PcapBytes(order);
        ByteBuffer header = pcap.buffer(24);
        header.putInt(nanosecond ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(snaplen).putInt(linkType);
        pcap.out.writeBytes(header.array());
        return pcap;
    }

    /** A record whose captured bytes are the whole frame. */
    public PcapBytes record(long seconds, long fraction, byte[] frame) {
        return record(seconds, fraction, frame, frame.length);
    }

    /** A record of a frame that was {@code originalLength} bytes on the wire. */
    public PcapBytes record(long seconds, long fraction, byte[] captured, long originalLength) {
        ByteBuffer header = buffer(16);
        header.putInt((int) seconds).putInt((int) fraction).putInt(captured.length).putInt((int) originalLength);
        out.writeBytes(header.array());
        out.writeBytes(captured);
        return this;
    }

    /** Raw bytes, to model corruption. */
    public PcapBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(order);
    }
}
