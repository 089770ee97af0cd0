package org.distribooze.capture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.distribooze.testsupport.Bytes;
import org.distribooze.testsupport.PcapBytes;
import org.distribooze.testsupport.PcapngBytes;
import org.junit.jupiter.api.Test;

/** Content that is not a capture is refused up front, with a message that names what was seen. */
class NotACaptureTest {

    @Test
    void givenEmptyContent_whenOpened_thenRefusedAsEmpty() {
        assertRefused(new byte[0], "empty content");
    }

    @Test
    void givenThreeBytes_whenOpened_thenRefusedAsTooShortForAMagic() {
        assertRefused(new byte[] {(byte) 0xD4, (byte) 0xC3, (byte) 0xB2}, "only 3 bytes");
    }

    @Test
    void givenText_whenOpened_thenRefusedWithTheMagicSeenInHex() {
        // "GET " is 0x47 0x45 0x54 0x20.
        assertRefused("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), "0x47455420");
    }

    @Test
    void givenPcapFileHeaderCutShort_whenOpened_thenRefusedWithHowMuchWasThere() {
        byte[] header = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, false, 65535, 1).bytes();

        assertRefused(Arrays.copyOf(header, 10), "10 of 24 bytes");
    }

    @Test
    void givenPcapngStartingWithAnInterfaceBlock_whenOpened_thenRefusedForLackingASectionHeader() {
        byte[] file = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN).interfaceBlock(1, 0).bytes();
        // Drop the 28-byte section header block so the file starts with the interface block.
        byte[] withoutSection = Arrays.copyOfRange(file, 28, file.length);

        assertRefused(withoutSection, "must begin with a section header block");
    }

    @Test
    void givenSectionHeaderWithAWrongByteOrderMagic_whenOpened_thenRefusedWithTheValueSeen() {
        byte[] file = PcapngBytes.file(ByteOrder.BIG_ENDIAN).bytes();
        file[8] = 0x11;

        assertRefused(file, "0x112B3C4D");
    }

    @Test
    void givenSectionHeaderWithAnAbsurdLength_whenOpened_thenRefusedWithTheLength() {
        byte[] file = PcapngBytes.file(ByteOrder.BIG_ENDIAN).bytes();
        byte[] length = Bytes.u32(0xFFFF_FFF0L);
        System.arraycopy(length, 0, file, 4, 4);

        assertRefused(file, "4294967280");
    }

    @Test
    void givenSectionHeaderCutShort_whenOpened_thenRefused() {
        byte[] file = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN).bytes();

        assertRefused(Arrays.copyOf(file, 20), "cut short: 20 of 28 bytes");
    }

    @Test
    void givenPcapngMajorVersion2_whenOpened_thenRefused() {
        byte[] file = PcapngBytes.file(ByteOrder.BIG_ENDIAN).bytes();
        file[13] = 2;

        assertRefused(file, "major version 2");
    }

    private static void assertRefused(byte[] content, String expectedInMessage) {
        NotACaptureException thrown = assertThrows(NotACaptureException.class,
                () -> CaptureReader.open(new ByteArrayInputStream(content)));
        assertTrue(thrown.getMessage().contains(expectedInMessage), thrown.getMessage());
    }
}
