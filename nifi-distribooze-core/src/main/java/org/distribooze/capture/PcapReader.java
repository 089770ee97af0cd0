package org.distribooze.capture;

import java.io.IOException;

/**
 * Classic pcap: a 24-byte file header (magic, version, zone, sigfigs, snaplen, link type) then records of
 * a 16-byte header (seconds, fraction, captured length, original length) and the captured bytes. The
 * magic gives the byte order and whether the fraction counts micro- or nanoseconds.
 */
final class PcapReader extends CaptureReader {

    static final int FILE_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;

    private static final int LINK_TYPE_OFFSET = 20;
    // The link type is the low 16 bits; the high bits of the field may carry FCS information.
    private static final int LINK_TYPE_MASK = 0xFFFF;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final CaptureInput input;
    private final boolean bigEndian;
    private final boolean nanosecond;
    private int pendingAdvance;
    private boolean finished;

    private PcapReader(CaptureInput input, boolean bigEndian, boolean nanosecond, int linkType) {
        this.input = input;
        this.bigEndian = bigEndian;
        this.nanosecond = nanosecond;
        this.linkType = linkType;
        this.timestampDigits = nanosecond ? 9 : 6;
    }

    static PcapReader open(CaptureInput input, boolean bigEndian, boolean nanosecond)
            throws IOException, NotACaptureException {
        if (!input.request(FILE_HEADER_LENGTH)) {
            throw new NotACaptureException("pcap file header cut short: " + input.available() + " of "
                    + FILE_HEADER_LENGTH + " bytes");
        }

        int linkType = Fields.i32(input.window(), input.position() + LINK_TYPE_OFFSET, bigEndian) & LINK_TYPE_MASK;
        input.advance(FILE_HEADER_LENGTH);
        return new PcapReader(input, bigEndian, nanosecond, linkType);
    }

    @Override
    public CaptureFormat format() {
        return nanosecond ? CaptureFormat.PCAP_NANOSECOND : CaptureFormat.PCAP;
    }

    @Override
    public boolean next() throws IOException {
        input.advance(pendingAdvance);
        pendingAdvance = 0;
        if (finished) {
            return false;
        }

        long recordOffset = input.offset();
        if (!input.request(RECORD_HEADER_LENGTH)) {
            int got = input.available();
            if (got > 0) {
                stop("record header at offset " + recordOffset + " cut short: " + got + " of "
                        + RECORD_HEADER_LENGTH + " bytes");
            }
            finished = true;
            return false;
        }

        byte[] w = input.window();
        int at = input.position();
        long seconds = Fields.u32(w, at, bigEndian);
        long fraction = Fields.u32(w, at + 4, bigEndian);
        long included = Fields.u32(w, at + 8, bigEndian);
        long original = Fields.u32(w, at + 12, bigEndian);
        // A record longer than the file's snaplen is legal (GRO/TSO captures); only an absurd length is corrupt.
        if (included > MAX_RECORD_LENGTH) {
            return stop("record at offset " + recordOffset + " claims " + included
                    + " captured bytes, more than the " + MAX_RECORD_LENGTH + " any real record holds: corrupt");
        }

        input.advance(RECORD_HEADER_LENGTH);
        int length = (int) included;
        if (!input.request(length)) {
            return stop("record at offset " + recordOffset + " cut short: " + input.available() + " of "
                    + length + " captured bytes");
        }

        data = input.window();
        dataOffset = input.position();
        capturedLength = length;
        originalLength = original;
        timestampNanos = seconds * NANOS_PER_SECOND + (nanosecond ? fraction : fraction * 1000);
        pendingAdvance = length;
        return true;
    }

    private boolean stop(String reason) {
        stopTruncated(reason);
        finished = true;
        return false;
    }
}
