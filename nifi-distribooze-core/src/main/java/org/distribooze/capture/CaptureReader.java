package org.distribooze.capture;

import java.io.IOException;
import java.io.InputStream;

/**
 * A cursor over the packets of a pcap or pcapng stream. {@link #next()} moves to the next packet; the
 * accessors then describe it until the following call. No object is created per packet: the packet's
 * bytes are read in place from a reused window ({@link #data()} from {@link #dataOffset()}).
 *
 * <p>A stream that ends inside a record, or whose record length is corrupt, still yields every complete
 * packet before that point; {@link #truncated()} then says so and {@link #truncation()} says where.
 */
public abstract class CaptureReader {

    /** Longest record or block accepted; a longer length field is taken as corruption, not allocated. */
    public static final int MAX_RECORD_LENGTH = 256 << 20;

    private static final int PCAP_MICROSECOND_MAGIC = 0xA1B2C3D4;
    private static final int PCAP_NANOSECOND_MAGIC = 0xA1B23C4D;

    int linkType;
    byte[] data;
    int dataOffset;
    int capturedLength;
    long originalLength;
    long timestampNanos;
    int timestampDigits;
    private String truncation;

    CaptureReader() {
    }

    /**
     * Reads the file header (pcap) or first section header (pcapng) and returns a reader positioned
     * before the first packet.
     *
     * @throws NotACaptureException the stream does not start like a pcap or pcapng capture
     */
    public static CaptureReader open(InputStream in) throws IOException, NotACaptureException {
        CaptureInput input = new CaptureInput(in);
        if (!input.request(4)) {
            int got = input.available();
            throw new NotACaptureException(got == 0
                    ? "empty content: no bytes at all"
                    : "only " + got + " bytes: too short to hold a capture's 4-byte magic number");
        }

        int magic = Fields.i32(input.window(), input.position(), true);
        if (magic == PCAP_MICROSECOND_MAGIC || magic == Integer.reverseBytes(PCAP_MICROSECOND_MAGIC)) {
            return PcapReader.open(input, magic == PCAP_MICROSECOND_MAGIC, false);
        }
        if (magic == PCAP_NANOSECOND_MAGIC || magic == Integer.reverseBytes(PCAP_NANOSECOND_MAGIC)) {
            return PcapReader.open(input, magic == PCAP_NANOSECOND_MAGIC, true);
        }
        if (magic == PcapngReader.SECTION_HEADER) {
            return PcapngReader.open(input);
        }
        if (PcapngReader.isOtherBlockType(magic)) {
            throw new NotACaptureException("starts with what looks like pcapng block type " + Fields.hex32(magic)
                    + " in either byte order, but a pcapng file must begin with a section header block ("
                    + Fields.hex32(PcapngReader.SECTION_HEADER) + ")");
        }
        throw new NotACaptureException("unknown magic number " + Fields.hex32(magic & 0xFFFF_FFFFL)
                + ": neither pcap (A1B2C3D4, A1B23C4D in either byte order) nor pcapng (0A0D0D0A)");
    }

    /**
     * Moves to the next packet.
     *
     * @return false at the end of the capture, or where it is cut short or corrupt
     */
    public abstract boolean next() throws IOException;

    public abstract CaptureFormat format();

    /** The LINKTYPE of the interface the current packet was captured on. */
    public int linkType() {
        return linkType;
    }

    /** The array holding the current packet's captured bytes; valid until the next call to {@link #next()}. */
    public byte[] data() {
        return data;
    }

    public int dataOffset() {
        return dataOffset;
    }

    public int capturedLength() {
        return capturedLength;
    }

    /** The packet's length on the wire, which is more than its captured length when the snaplen cut it. */
    public long originalLength() {
        return originalLength;
    }

    /** Nanoseconds since the epoch (UTC). */
    public long timestampNanos() {
        return timestampNanos;
    }

    /** Fraction-of-second digits the capture really recorded for the current packet. */
    public int timestampDigits() {
        return timestampDigits;
    }

    /** True when the capture ended inside a record or had a corrupt length; packets before it were read. */
    public boolean truncated() {
        return truncation != null;
    }

    /** Where and why reading stopped early, or null when the capture ended cleanly. */
    public String truncation() {
        return truncation;
    }

    final void stopTruncated(String reason) {
        truncation = reason;
    }
}
