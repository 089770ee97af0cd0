package org.distribooze.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.distribooze.testsupport.Bytes;
import org.distribooze.testsupport.Frames;
import org.distribooze.testsupport.PcapBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcapReaderTest {

    // 14 (Ethernet) + 20 (IPv4) + 20 (TCP) = 54 bytes.
    private static final byte[] FRAME = Frames.ethernet(Frames.ETHERTYPE_IPV4,
            Frames.ipv4("192.0.2.1", "198.51.100.1", Frames.TCP, Frames.tcp(40000, 80, 0)));

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "BIG_ENDIAN, false, 1700000000123456000, 1700000001000005000, 6",
        "LITTLE_ENDIAN, false, 1700000000123456000, 1700000001000005000, 6",
        "BIG_ENDIAN, true, 1700000000123456789, 1700000001000000005, 9",
        "LITTLE_ENDIAN, true, 1700000000123456789, 1700000001000000005, 9"})
    void givenEitherByteOrderAndPrecision_whenRead_thenEveryFieldComesBack(String order, boolean nanosecond,
            long firstNanos, long secondNanos, int digits) throws Exception {
        ByteOrder byteOrder = "BIG_ENDIAN".equals(order) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] file = PcapBytes.file(byteOrder, nanosecond, 65535, 1)
                .record(1_700_000_000L, nanosecond ? 123_456_789 : 123_456, FRAME)
                .record(1_700_000_001L, 5, FRAME, 1514)
                .bytes();

        CaptureReader reader = open(file);

        assertEquals(nanosecond ? CaptureFormat.PCAP_NANOSECOND : CaptureFormat.PCAP, reader.format());
        assertTrue(reader.next());
        assertEquals(1, reader.linkType());
        assertEquals(54, reader.capturedLength());
        assertEquals(54, reader.originalLength());
        assertEquals(firstNanos, reader.timestampNanos());
        assertEquals(digits, reader.timestampDigits());
        assertArrayEquals(FRAME, packetBytes(reader));
        assertTrue(reader.next());
        assertEquals(1514, reader.originalLength());
        assertEquals(secondNanos, reader.timestampNanos());
        assertFalse(reader.next());
        assertFalse(reader.truncated());
        assertNull(reader.truncation());
    }

    @Test
    void givenFcsBitsAboveTheLinkType_whenRead_thenOnlyTheLow16BitsAreTheLinkType() throws Exception {
        // Top nibble: FCS length 4 (in 16-bit words) with the F bit set, as the pcap draft lays it out.
        byte[] file = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, false, 65535, 0x9000_0001).record(0, 0, FRAME).bytes();

        CaptureReader reader = open(file);

        assertTrue(reader.next());
        assertEquals(1, reader.linkType());
    }

    @Test
    void givenRecordLongerThanTheSnaplen_whenRead_thenItsIncludedLengthIsTrusted() throws Exception {
        byte[] big = Bytes.concat(FRAME, new byte[9000 - FRAME.length]);
        byte[] file = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, false, 1514, 1).record(0, 0, big).bytes();

        CaptureReader reader = open(file);

        assertTrue(reader.next());
        assertEquals(9000, reader.capturedLength());
        assertFalse(reader.next());
        assertFalse(reader.truncated());
    }

    @Test
    void givenRecordBiggerThanTheWindow_whenRead_thenTheWindowGrowsAndTheNextRecordStillReads() throws Exception {
        byte[] big = Bytes.concat(FRAME, new byte[3_000_000]);
        byte[] file = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, false, 65535, 1).record(0, 0, big).record(1, 0, FRAME)
                .bytes();

        CaptureReader reader = open(file);

        assertTrue(reader.next());
        assertEquals(big.length, reader.capturedLength());
        assertTrue(reader.next());
        assertArrayEquals(FRAME, packetBytes(reader));
        assertFalse(reader.next());
    }

    @Test
    void givenAbsurdRecordLength_whenRead_thenEarlierPacketsCountAndTheCaptureIsTruncatedThere() throws Exception {
        // 24-byte file header + 16 + 54 = 94: the second record header starts at offset 94.
        byte[] file = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, false, 65535, 1).record(0, 0, FRAME)
                .raw(Bytes.hex("00000000 00000000 01000010 01000010")).bytes();

        CaptureReader reader = open(file);

        assertTrue(reader.next());
        assertFalse(reader.next());
        assertTrue(reader.truncated());
        assertTrue(reader.truncation().contains("offset 94"), reader.truncation());
        assertTrue(reader.truncation().contains("268435457"), reader.truncation());
    }

    @Test
    void givenFileCutInsideRecordData_whenRead_thenCompletePacketsCountAndTruncatedIsSet() throws Exception {
        byte[] whole = PcapBytes.file(ByteOrder.BIG_ENDIAN, false, 65535, 1).record(0, 0, FRAME).record(1, 0, FRAME)
                .bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - 10);

        CaptureReader reader = open(cut);

        assertTrue(reader.next());
        assertFalse(reader.next());
        assertTrue(reader.truncated());
        assertTrue(reader.truncation().contains("44 of 54"), reader.truncation());
    }

    @Test
    void givenFileCutInsideRecordHeader_whenRead_thenTruncatedIsSet() throws Exception {
        byte[] whole = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, true, 65535, 1).record(0, 0, FRAME).bytes();
        byte[] cut = Bytes.concat(whole, new byte[7]);

        CaptureReader reader = open(cut);

        assertTrue(reader.next());
        assertFalse(reader.next());
        assertTrue(reader.truncated());
        assertTrue(reader.truncation().contains("7 of 16"), reader.truncation());
    }

    @Test
    void givenFileHeaderOnly_whenRead_thenNoPacketAndNotTruncated() throws Exception {
        CaptureReader reader = open(PcapBytes.file(ByteOrder.LITTLE_ENDIAN, false, 65535, 1).bytes());

        assertFalse(reader.next());
        assertFalse(reader.truncated());
    }

    static CaptureReader open(byte[] file) throws Exception {
        return CaptureReader.open(new ByteArrayInputStream(file));
    }

    static byte[] packetBytes(CaptureReader reader) {
        return Arrays.copyOfRange(reader.data(), reader.dataOffset(), reader.dataOffset() + reader.capturedLength());
    }
}
