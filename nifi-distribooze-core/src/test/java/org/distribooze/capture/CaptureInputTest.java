package org.distribooze.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class CaptureInputTest {

    @Test
    void givenCorruptLengthOnAShortStream_whenRequested_thenTheWindowGrowsOnlyWithTheBytesThatCame()
            throws Exception {
        CaptureInput input = new CaptureInput(new ByteArrayInputStream(new byte[100]), 16);

        assertFalse(input.request(200 << 20));

        assertEquals(100, input.available());
        assertTrue(input.window().length <= 256, "window of " + input.window().length + " bytes");
    }

    @Test
    void givenStreamGivingOneByteAtATime_whenRequested_thenReadsUntilEnoughArrived() throws Exception {
        CaptureInput input = new CaptureInput(trickle(50), 8);

        assertTrue(input.request(40));
        input.advance(30);
        assertTrue(input.request(20));
        assertEquals(30, input.offset());
        // Stream byte 49 holds 49 % 30.
        assertEquals(19, input.window()[input.position() + 19]);
        assertFalse(input.request(21));
    }

    @Test
    void givenSkipPastTheWindow_whenSkipped_thenTheStreamIsReadThroughAndTheOffsetFollows() throws Exception {
        CaptureInput input = new CaptureInput(trickle(100), 8);

        assertTrue(input.skip(90));
        assertEquals(90, input.offset());
        assertTrue(input.request(10));
        // Stream byte 99 holds 99 % 30.
        assertEquals(9, input.window()[input.position() + 9]);
        assertFalse(input.skip(11));
    }

    /** A stream of {@code length} bytes valued 0, 1, 2 ... 29, 0, 1 ... handing out one byte per read. */
    private static InputStream trickle(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i % 30);
        }
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }
}
