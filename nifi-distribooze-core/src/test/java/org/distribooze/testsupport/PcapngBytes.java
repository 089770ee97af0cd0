package org.distribooze.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes pcapng files block by block. Each {@link #section} starts a new section in its own byte order;
 * later blocks are written in that order.
 */
public final class PcapngBytes {

    public static final int SECTION_HEADER = 0x0A0D0D0A;
    public static final int INTERFACE_DESCRIPTION = 1;
    public static final int PACKET = 2;
    public static final int SIMPLE_PACKET = 3;
    public static final int ENHANCED_PACKET = 6;
    public static final int CUSTOM = 0x00000BAD;

    public static final int OPTION_TSRESOL = 9;
    public static final int OPTION_TSOFFSET = 14;
    public static final int OPTION_IF_NAME = 2;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order;

    public static PcapngBytes file(ByteOrder order) {
        return new PcapngBytes().section(order);
    }

    /** A section header block (version 1.0, section length unknown) switching to {@code sectionOrder}. */
    public PcapngBytes section(ByteOrder sectionOrder) {
        order = sectionOrder;
        ByteBuffer body = body(16);
        body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        return block(SECTION_HEADER, body.array());
    }

    /** An interface description block; options are whole option byte arrays from {@link #option}. */
    public PcapngBytes interfaceBlock(int linkType, int snaplen, byte[]... options) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(body(8).putShort((short) linkType).putShort((short) 0).putInt(snaplen).array());
        for (byte[] option : options) {
            body.writeBytes(option);
        }
        if (options.length > 0) {
            body.writeBytes(new byte[4]);
        }
        return block(INTERFACE_DESCRIPTION, body.toByteArray());
    }

    /** An option: code, length, value padded to 32 bits, in the current section's order. */
    public byte[] option(int code, byte[] value) {
        int padded = (value.length + 3) & ~3;
        ByteBuffer option = body(4 + padded);
        option.putShort((short) code).putShort((short) value.length).put(value);
        return option.array();
    }

    /** An 8-byte option value in the current section's order (if_tsoffset). */
    public byte[] longValue(long value) {
        return body(8).putLong(value).array();
    }

    public PcapngBytes enhancedPacket(int interfaceId, long timestampUnits, byte[] captured, int originalLength) {
        ByteBuffer head = body(20);
        head.putInt(interfaceId).putInt((int) (timestampUnits >>> 32)).putInt((int) timestampUnits)
                .putInt(captured.length).putInt(originalLength);
        return block(ENHANCED_PACKET, Bytes.concat(head.array(), padded(captured)));
    }

    public PcapngBytes simplePacket(byte[] captured, int originalLength) {
        return block(SIMPLE_PACKET, Bytes.concat(body(4).putInt(originalLength).array(), padded(captured)));
    }

    /** The obsolete packet block: 16-bit interface id and drops count. */
    public PcapngBytes obsoletePacket(int interfaceId, long timestampUnits, byte[] captured) {
        ByteBuffer head = body(20);
        head.putShort((short) interfaceId).putShort((short) 0).putInt((int) (timestampUnits >>> 32))
                .putInt((int) timestampUnits).putInt(captured.length).putInt(captured.length);
        return block(PACKET, Bytes.concat(head.array(), padded(captured)));
    }

    /** Any block: type, total length, body (padded to 32 bits), total length. */
    public PcapngBytes block(int type, byte[] body) {
        byte[] paddedBody = padded(body);
        int length = 12 + paddedBody.length;
        out.writeBytes(body(8).putInt(type).putInt(length).array());
        out.writeBytes(paddedBody);
        out.writeBytes(body(4).putInt(length).array());
        return this;
    }

    /** Raw bytes, to model corruption. */
    public PcapngBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** A 4-byte value in the current section's order, to model corrupt fields. */
    public byte[] int32(int value) {
        return body(4).putInt(value).array();
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private ByteBuffer body(int size) {
        return ByteBuffer.allocate(size).order(order);
    }

    private static byte[] padded(byte[] data) {
        byte[] padded = new byte[(data.length + 3) & ~3];
        System.arraycopy(data, 0, padded, 0, data.length);
        return padded;
    }
}
