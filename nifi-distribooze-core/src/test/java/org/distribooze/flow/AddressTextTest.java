package org.distribooze.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.distribooze.testsupport.Bytes;
import org.distribooze.testsupport.Frames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5952's canonical text, on its own examples (moved into 2001:db8::/32 where they were not). */
class AddressTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // 4.1: leading zeros suppressed.
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        // 4.2.1: '::' takes as many zero groups as it can.
        "2001:db8:0:0:0:0:2:1, 2001:db8::2:1",
        // 4.2.2: a single zero group is not shortened.
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        // 4.2.3: the longest run is shortened, even when a shorter one comes first ...
        "2001:db8:0:0:1:0:0:0, 2001:db8:0:0:1::",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
        // ... and of equal runs, the first.
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        // 4.3: lower case.
        "2001:DB8:0:0:0:0:0:AAAA, 2001:db8::aaaa",
        "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
        "2001:db8:0:0:0:0:0:0, 2001:db8::"})
    void givenIpv6Address_whenFormatted_thenRfc5952Text(String address, String expected) {
        assertEquals(expected, AddressText.format(Frames.address(address), 0, 16));
    }

    @Test
    void givenIpv4MappedAddress_whenFormatted_thenMixedNotationOfSection5() {
        // Built from bytes: java.net.InetAddress turns a mapped address into a 4-byte Inet4Address.
        byte[] mapped = Bytes.hex("0000 0000 0000 0000 0000 ffff c000 0201");

        assertEquals("::ffff:192.0.2.1", AddressText.format(mapped, 0, 16));
    }

    @Test
    void givenAllZeros_whenFormatted_thenDoubleColonAlone() {
        assertEquals("::", AddressText.format(new byte[16], 0, 16));
    }

    @Test
    void givenIpv4AddressInsideAPacket_whenFormatted_thenDottedQuadFromTheOffset() {
        byte[] bytes = Bytes.concat(Bytes.hex("ffff"), Frames.address("203.0.113.254"));

        assertEquals("203.0.113.254", AddressText.format(bytes, 2, 4));
    }

    @Test
    void givenNeither4Nor16Bytes_whenFormatted_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> AddressText.format(new byte[8], 0, 8));
    }
}
