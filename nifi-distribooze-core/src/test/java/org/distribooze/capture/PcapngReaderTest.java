package org.distribooze.capture;

import static org.distribooze.capture.PcapReaderTest.open;
import static org.distribooze.capture.PcapReaderTest.packetBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.distribooze.testsupport.Frames;
import org.distribooze.testsupport.PcapngBytes;
import org.junit.jupiter.api.Test;

class PcapngReaderTest {

    private static final byte[] FRAME = Frames.ethernet(Frames.ETHERTYPE_IPV4,
            Frames.ipv4("192.0.2.1", "198.51.100.1", Frames.TCP, Frames.tcp(40000, 80, 0)));
    private static final byte[] RAW_PACKET = Frames.ipv4("192.0.2.2", "198.51.100.2", Frames.UDP,
            Frames.udp(5353, 53, 1));

    private static final int ETHERNET = 1;
    private static final int RAW = 101;
    private static final int SLL = 113;
    // 2023-11-14T22:13:20Z, in microseconds (pcapng's default resolution).
    private static final long MICROS = 1_700_000_000_000_000L;

    @Test
    void givenBigEndianSectionThenLittleEndianSection_whenRead_thenEachUsesItsOwnOrderAndInterfaces()
            throws Exception {
        PcapngBytes file = PcapngBytes.file(ByteOrder.BIG_ENDIAN)
                .interfaceBlock(ETHERNET, 65535)
                .enhancedPacket(0, MICROS + 1, FRAME, FRAME.length)
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(RAW, 65535)
                .interfaceBlock(SLL, 65535);
        // Interface 0 of the second section is the raw interface: numbering starts again per section.
        file.enhancedPacket(0, MICROS + 2, RAW_PACKET, RAW_PACKET.length);

        CaptureReader reader = open(file.bytes());

        assertEquals(CaptureFormat.PCAPNG, reader.format());
        assertTrue(reader.next());
        assertEquals(ETHERNET, reader.linkType());
        assertEquals(1_700_000_000_000_001_000L, reader.timestampNanos());
        assertEquals(6, reader.timestampDigits());
        assertArrayEquals(FRAME, packetBytes(reader));
        assertTrue(reader.next());
        assertEquals(RAW, reader.linkType());
        assertEquals(1_700_000_000_000_002_000L, reader.timestampNanos());
        assertArrayEquals(RAW_PACKET, packetBytes(reader));
        assertFalse(reader.next());
        assertFalse(reader.truncated());
    }

    @Test
    void givenPowerOfTwoResolution_whenRead_thenUnitsAreBinaryFractionsAndDigitsAre9() throws Exception {
        PcapngBytes file = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        // 0x8A: 2^-10 s per unit. 1,700,000,000.5 s = 1,700,000,000 * 1024 + 512 units.
        file.interfaceBlock(ETHERNET, 0, file.option(PcapngBytes.OPTION_TSRESOL, new byte[] {(byte) 0x8A}))
                .enhancedPacket(0, 1_700_000_000L * 1024 + 512, FRAME, FRAME.length);

        CaptureReader reader = open(file.bytes());

        assertTrue(reader.next());
        assertEquals(1_700_000_000_500_000_000L, reader.timestampNanos());
        assertEquals(9, reader.timestampDigits());
    }

    @Test
    void givenPowerOfTenResolutions_whenRead_thenDigitsFollowTheExponentUpTo9() throws Exception {
        PcapngBytes file = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        file.interfaceBlock(ETHERNET, 0, file.option(PcapngBytes.OPTION_TSRESOL, new byte[] {3}))
                .interfaceBlock(ETHERNET, 0, file.option(PcapngBytes.OPTION_TSRESOL, new byte[] {12}))
                // Milliseconds: 1,700,000,000.123 s.
                .enhancedPacket(0, 1_700_000_000_123L, FRAME, FRAME.length)
                // Picoseconds (64 bits of them span 213 days): 12,345.678901234567 s keeps 12,345.678901234 s.
                .enhancedPacket(1, 12_345_678_901_234_567L, FRAME, FRAME.length);

        CaptureReader reader = open(file.bytes());

        assertTrue(reader.next());
        assertEquals(1_700_000_000_123_000_000L, reader.timestampNanos());
        assertEquals(3, reader.timestampDigits());
        assertTrue(reader.next());
        assertEquals(12_345_678_901_234L, reader.timestampNanos());
        assertEquals(9, reader.timestampDigits());
    }

    @Test
    void givenTimestampOffsetOption_whenRead_thenItsSecondsAreAdded() throws Exception {
        PcapngBytes file = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        file.interfaceBlock(ETHERNET, 0, file.option(PcapngBytes.OPTION_TSOFFSET, file.longValue(1_000)))
                .enhancedPacket(0, 5_000_000, FRAME, FRAME.length);

        CaptureReader reader = open(file.bytes());

        assertTrue(reader.next());
        assertEquals(1_005_000_000_000L, reader.timestampNanos());
    }

    @Test
    void givenUnknownOptionBeforeTsresol_whenRead_thenItIsSkippedByItsPaddedLength() throws Exception {
        PcapngBytes file = PcapngBytes.file(ByteOrder.BIG_ENDIAN);
        // if_name "eth0x": 5 bytes, padded to 8; option code 0x2BAD is unknown to the reader.
        file.interfaceBlock(ETHERNET, 0,
                        file.option(PcapngBytes.OPTION_IF_NAME, "eth0x".getBytes(StandardCharsets.US_ASCII)),
                        file.option(0x2BAD, new byte[] {1, 2, 3}),
                        file.option(PcapngBytes.OPTION_TSRESOL, new byte[] {9}))
                .enhancedPacket(0, 1_700_000_000_000_000_007L, FRAME, FRAME.length);

        CaptureReader reader = open(file.bytes());

        assertTrue(reader.next());
        assertEquals(1_700_000_000_000_000_007L, reader.timestampNanos());
        assertEquals(9, reader.timestampDigits());
    }

    @Test
    void givenUnknownBlocks_whenRead_thenTheyAreSkippedByTheirLength() throws Exception {
        byte[] file = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
                .block(PcapngBytes.CUSTOM, new byte[] {0, 0, 0x7E, (byte) 0xD9, 'h', 'i'})
                .interfaceBlock(ETHERNET, 0)
                .block(0x7777, new byte[100_000])
                .enhancedPacket(0, MICROS, FRAME, FRAME.length)
                .block(5, new byte[12])
                .bytes();

        CaptureReader reader = open(file);

        assertTrue(reader.next());
        assertArrayEquals(FRAME, packetBytes(reader));
        assertFalse(reader.next());
        assertFalse(reader.truncated());
    }

    @Test
    void givenSimplePacketBlock_whenRead_thenInterfaceZeroAndItsSnaplenApplyAndTimeCarriesOver()
            throws Exception {
        // Snaplen 41: the SPB holds 41 bytes padded to 44; its captured length is min(54 on the wire, 41).
        byte[] file = PcapngBytes.file(ByteOrder.BIG_ENDIAN)
                .interfaceBlock(ETHERNET, 41)
                .enhancedPacket(0, MICROS + 9, Arrays.copyOf(FRAME, 41), 54)
                .simplePacket(Arrays.copyOf(FRAME, 41), 54)
                .bytes();

        CaptureReader reader = open(file);

        assertTrue(reader.next());
        assertTrue(reader.next());
        assertEquals(41, reader.capturedLength());
        assertEquals(54, reader.originalLength());
        assertEquals(ETHERNET, reader.linkType());
        assertEquals(1_700_000_000_000_009_000L, reader.timestampNanos());
        assertArrayEquals(Arrays.copyOf(FRAME, 41), packetBytes(reader));
        assertFalse(reader.next());
    }

    @Test
    void givenSimplePacketOfOddLength_whenRead_thenPaddingIsNotCaptured() throws Exception {
        byte[] odd = Arrays.copyOf(RAW_PACKET, 29);
        byte[] file = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN).interfaceBlock(RAW, 0).simplePacket(odd, 29).bytes();

        CaptureReader reader = open(file);

        assertTrue(reader.next());
        assertEquals(29, reader.capturedLength());
    }

    @Test
    void givenObsoletePacketBlock_whenRead_thenItIsAPacket() throws Exception {
        byte[] file = PcapngBytes.file(ByteOrder.BIG_ENDIAN)
                .interfaceBlock(RAW, 0)
                .interfaceBlock(ETHERNET, 0)
                .obsoletePacket(1, MICROS + 3, FRAME)
                .bytes();

        CaptureReader reader = open(file);

        assertTrue(reader.next());
        assertEquals(ETHERNET, reader.linkType());
        assertEquals(1_700_000_000_000_003_000L, reader.timestampNanos());
        assertArrayEquals(FRAME, packetBytes(reader));
    }

    @Test
    void givenAbsurdBlockLengthMidFile_whenRead_thenEarlierPacketsCountAndTheCaptureIsTruncated() throws Exception {
        PcapngBytes file = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(ETHERNET, 0)
                .enhancedPacket(0, MICROS, FRAME, FRAME.length);
        file.raw(file.int32(6)).raw(file.int32(0x7FFF_FFF0)).raw(new byte[64]);

        CaptureReader reader = open(file.bytes());

        assertTrue(reader.next());
        assertFalse(reader.next());
        assertTrue(reader.truncated());
        assertTrue(reader.truncation().contains("2147483632"), reader.truncation());
    }

    @Test
    void givenTrailingLengthThatDisagrees_whenRead_thenTheCaptureIsTruncatedThere() throws Exception {
        byte[] file = PcapngBytes.file(ByteOrder.BIG_ENDIAN)
                .interfaceBlock(ETHERNET, 0)
                .enhancedPacket(0, MICROS, FRAME, FRAME.length)
                .bytes();
        file[file.length - 1] ^= 4;

        CaptureReader reader = open(file);

        assertFalse(reader.next());
        assertTrue(reader.truncated());
        assertTrue(reader.truncation().contains("trailing length"), reader.truncation());
    }

    @Test
    void givenPacketOnAnUndefinedInterface_whenRead_thenTheCaptureIsTruncatedThere() throws Exception {
        byte[] file = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(ETHERNET, 0)
                .enhancedPacket(2, MICROS, FRAME, FRAME.length)
                .bytes();

        CaptureReader reader = open(file);

        assertFalse(reader.next());
        assertTrue(reader.truncation().contains("interface 2"), reader.truncation());
    }

    @Test
    void givenFileCutInsideABlock_whenRead_thenCompletePacketsCountAndTruncatedIsSet() throws Exception {
        byte[] whole = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(ETHERNET, 0)
                .enhancedPacket(0, MICROS, FRAME, FRAME.length)
                .enhancedPacket(0, MICROS + 1, FRAME, FRAME.length)
                .bytes();

        CaptureReader reader = open(Arrays.copyOf(whole, whole.length - 20));

        assertTrue(reader.next());
        assertFalse(reader.next());
        assertTrue(reader.truncated());
    }

    @Test
    void givenSectionHeaderAndInterfaceOnly_whenRead_thenNoPacketAndNotTruncated() throws Exception {
        CaptureReader reader = open(PcapngBytes.file(ByteOrder.BIG_ENDIAN).interfaceBlock(ETHERNET, 0).bytes());

        assertFalse(reader.next());
        assertFalse(reader.truncated());
    }
}
