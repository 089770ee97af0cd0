package org.distribooze.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng: a sequence of blocks (type, total length, body, total length again), in sections that each
 * start with a Section Header Block giving that section's byte order. Interface Description Blocks give
 * each interface its link type, snaplen and timestamp resolution; packets come in Enhanced (EPB), Simple
 * (SPB) and the obsolete Packet Blocks (PB). Every other block is skipped by its length.
 *
 * <p>A corrupt block (impossible length, trailing length that disagrees, packet longer than its block,
 * unknown interface) ends reading there as if the capture were cut short: later lengths cannot be
 * trusted, so the packets before it are kept and the capture is marked truncated.
 */
final class PcapngReader extends CaptureReader {

    static final int SECTION_HEADER = 0x0A0D0D0A;

    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int PACKET = 2;
    private static final int SIMPLE_PACKET = 3;
    private static final int NAME_RESOLUTION = 4;
    private static final int INTERFACE_STATISTICS = 5;
    private static final int ENHANCED_PACKET = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int SUPPORTED_MAJOR_VERSION = 1;

    private static final int BLOCK_HEAD = 8;
    private static final int BLOCK_OVERHEAD = 12;
    private static final int MIN_SECTION_HEADER = 28;
    private static final int MIN_INTERFACE_DESCRIPTION = 20;
    private static final int MIN_PACKET = 32;
    private static final int MIN_SIMPLE_PACKET = 16;
    private static final int PACKET_DATA_OFFSET = 28;
    private static final int SIMPLE_PACKET_DATA_OFFSET = 12;
    // Interface ids are 32-bit; a section claiming more interfaces than this is treated as corrupt.
    private static final int MAX_INTERFACES = 1 << 16;

    private final CaptureInput input;
    private final List<PcapngInterface> interfaces = new ArrayList<>();
    private boolean bigEndian;
    private int pendingAdvance;
    private boolean finished;

    private PcapngReader(CaptureInput input) {
        this.input = input;
    }

    static PcapngReader open(CaptureInput input) throws IOException, NotACaptureException {
        PcapngReader reader = new PcapngReader(input);
        String problem = reader.readSectionHeader();
        if (problem != null) {
            throw new NotACaptureException(problem);
        }
        return reader;
    }

    /** Whether a leading 32-bit word, read in either byte order, is a pcapng block type other than a section. */
    static boolean isOtherBlockType(int word) {
        int swapped = Integer.reverseBytes(word);
        return isPacketOrInterfaceBlock(word) || isPacketOrInterfaceBlock(swapped);
    }

    private static boolean isPacketOrInterfaceBlock(int type) {
        return type >= INTERFACE_DESCRIPTION && type <= ENHANCED_PACKET;
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAPNG;
    }

    @Override
    public boolean next() throws IOException {
        input.advance(pendingAdvance);
        pendingAdvance = 0;
        while (!finished) {
            long blockOffset = input.offset();
            if (!input.request(BLOCK_HEAD)) {
                int got = input.available();
                if (got > 0) {
                    stop("block header at offset " + blockOffset + " cut short: " + got + " of " + BLOCK_HEAD
                            + " bytes");
                }
                finished = true;
                return false;
            }

            int type = Fields.i32(input.window(), input.position(), bigEndian);
            if (type == SECTION_HEADER) {
                String problem = readSectionHeader();
                if (problem != null) {
                    stop(problem);
                }
                continue;
            }

            long length = Fields.u32(input.window(), input.position() + 4, bigEndian);
            String problem = lengthProblem(length, BLOCK_OVERHEAD);
            if (problem != null) {
                stop(blockName(type) + " at offset " + blockOffset + ": " + problem);
            } else if (type == INTERFACE_DESCRIPTION) {
                readInterface((int) length, blockOffset);
            } else if (type == ENHANCED_PACKET || type == PACKET || type == SIMPLE_PACKET) {
                if (readPacket(type, (int) length, blockOffset)) {
                    return true;
                }
            } else if (!input.skip(length)) {
                stop(blockName(type) + " at offset " + blockOffset + " cut short");
            }
        }
        return false;
    }

    /** Reads the section header at the position; returns why it is unusable, or null once past it. */
    private String readSectionHeader() throws IOException {
        long offset = input.offset();
        if (!input.request(BLOCK_OVERHEAD)) {
            return "pcapng section header at offset " + offset + " cut short: " + input.available() + " of "
                    + BLOCK_OVERHEAD + " bytes";
        }

        byte[] w = input.window();
        int at = input.position();
        int byteOrderMagic = Fields.i32(w, at + BLOCK_HEAD, true);
        if (byteOrderMagic != BYTE_ORDER_MAGIC && byteOrderMagic != Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            return "pcapng section header at offset " + offset + " has byte-order magic "
                    + Fields.hex32(byteOrderMagic & 0xFFFF_FFFFL) + ", neither 1A2B3C4D nor 4D3C2B1A";
        }
        boolean sectionBigEndian = byteOrderMagic == BYTE_ORDER_MAGIC;

        long length = Fields.u32(w, at + 4, sectionBigEndian);
        String problem = lengthProblem(length, MIN_SECTION_HEADER);
        if (problem != null) {
            return "pcapng section header at offset " + offset + ": " + problem;
        }
        if (!input.request((int) length)) {
            return "pcapng section header at offset " + offset + " cut short: " + input.available() + " of "
                    + length + " bytes";
        }

        w = input.window();
        at = input.position();
        int major = Fields.u16(w, at + 12, sectionBigEndian);
        if (major != SUPPORTED_MAJOR_VERSION) {
            return "pcapng section header at offset " + offset + " has major version " + major
                    + ", only " + SUPPORTED_MAJOR_VERSION + " exists";
        }
        if (Fields.u32(w, at + (int) length - 4, sectionBigEndian) != length) {
            return "pcapng section header at offset " + offset + ": trailing length differs from " + length;
        }

        bigEndian = sectionBigEndian;
        interfaces.clear();
        input.advance((int) length);
        return null;
    }

    private void readInterface(int length, long offset) throws IOException {
        if (!requestBlock(length, MIN_INTERFACE_DESCRIPTION, offset, "interface description block")) {
            return;
        }
        if (interfaces.size() == MAX_INTERFACES) {
            stop("interface description block at offset " + offset + ": more than " + MAX_INTERFACES
                    + " interfaces in one section");
            return;
        }

        interfaces.add(PcapngInterface.read(input.window(), input.position(), length, bigEndian));
        input.advance(length);
    }

    /** Reads a packet block; returns true when it holds a packet, false when reading stopped. */
    private boolean readPacket(int type, int length, long offset) throws IOException {
        String name = blockName(type);
        int minimum = type == SIMPLE_PACKET ? MIN_SIMPLE_PACKET : MIN_PACKET;
        if (!requestBlock(length, minimum, offset, name)) {
            return false;
        }

        byte[] w = input.window();
        int at = input.position();
        long interfaceId;
        long captured;
        long original;
        int dataAt;
        long units = 0;
        if (type == SIMPLE_PACKET) {
            interfaceId = 0;
            original = Fields.u32(w, at + 8, bigEndian);
            captured = Math.min(original, length - MIN_SIMPLE_PACKET);
            dataAt = at + SIMPLE_PACKET_DATA_OFFSET;
        } else {
            interfaceId = type == PACKET ? Fields.u16(w, at + 8, bigEndian) : Fields.u32(w, at + 8, bigEndian);
            units = Fields.u32(w, at + 12, bigEndian) << 32 | Fields.u32(w, at + 16, bigEndian);
            captured = Fields.u32(w, at + 20, bigEndian);
            original = Fields.u32(w, at + 24, bigEndian);
            dataAt = at + PACKET_DATA_OFFSET;
            if (captured > length - MIN_PACKET) {
                return stop(name + " at offset " + offset + " claims " + captured + " captured bytes in a block of "
                        + length);
            }
        }
        if (interfaceId >= interfaces.size()) {
            return stop(name + " at offset " + offset + " names interface " + interfaceId + " but its section has "
                    + interfaces.size());
        }

        PcapngInterface captureInterface = interfaces.get((int) interfaceId);
        if (type == SIMPLE_PACKET) {
            // An SPB has no timestamp: it keeps the one before it so flow times stay in capture order.
            if (captureInterface.snapLength > 0) {
                captured = Math.min(captured, captureInterface.snapLength);
            }
        } else {
            timestampNanos = captureInterface.toNanos(units);
        }
        linkType = captureInterface.linkType;
        timestampDigits = captureInterface.digits;
        data = w;
        dataOffset = dataAt;
        capturedLength = (int) captured;
        originalLength = original;
        pendingAdvance = length;
        return true;
    }

    /** Buffers a whole block of a known type and checks its trailing length. */
    private boolean requestBlock(int length, int minimum, long offset, String name) throws IOException {
        if (length < minimum) {
            return stop(name + " at offset " + offset + " is " + length + " bytes, less than its minimum " + minimum);
        }
        if (!input.request(length)) {
            return stop(name + " at offset " + offset + " cut short: " + input.available() + " of " + length
                    + " bytes");
        }
        long trailing = Fields.u32(input.window(), input.position() + length - 4, bigEndian);
        if (trailing != length) {
            return stop(name + " at offset " + offset + ": trailing length " + trailing + " differs from " + length);
        }
        return true;
    }

    private static String lengthProblem(long length, int minimum) {
        if (length < minimum) {
            return "block length " + length + " is less than the minimum " + minimum;
        }
        if (length % 4 != 0) {
            return "block length " + length + " is not a multiple of 4";
        }
        if (length > MAX_RECORD_LENGTH) {
            return "block length " + length + " is more than the " + MAX_RECORD_LENGTH + " any real block has";
        }
        return null;
    }

    private static String blockName(int type) {
        switch (type) {
            case INTERFACE_DESCRIPTION:
                return "interface description block";
            case PACKET:
                return "packet block";
            case SIMPLE_PACKET:
                return "simple packet block";
            case NAME_RESOLUTION:
                return "name resolution block";
            case INTERFACE_STATISTICS:
                return "interface statistics block";
            case ENHANCED_PACKET:
                return "enhanced packet block";
            default:
                return "block of type " + Fields.hex32(type & 0xFFFF_FFFFL);
        }
    }

    private boolean stop(String reason) {
        stopTruncated(reason);
        finished = true;
        return false;
    }
}
