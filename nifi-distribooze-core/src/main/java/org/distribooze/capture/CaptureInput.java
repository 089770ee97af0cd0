package org.distribooze.capture;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A refilling byte window over a stream: readers ask for the next {@code n} bytes to be in the window,
 * read them in place and move on. The window only grows to hold the largest single record read, so
 * memory stays bounded by the record length limit, never by the size of the stream.
 */
final class CaptureInput {

    /**
     * 128 KB, as cat reads: a refill and the decoding that follows it stay in the core's own cache, and a stream's
     * copy into a Java array costs less in such pieces. 1 MB took 8 to 12% longer on the 1 GB capture.
     */
    private static final int DEFAULT_CAPACITY = 1 << 17;

    private final InputStream in;
    private byte[] window;
    private int position;
    private int limit;
    private long windowStartOffset;
    private boolean endOfStream;

    CaptureInput(InputStream in) {
        this(in, DEFAULT_CAPACITY);
    }

    CaptureInput(InputStream in, int initialCapacity) {
        this.in = in;
        this.window = new byte[initialCapacity];
    }

    /** The bytes of the window; valid from {@link #position()} for as many bytes as were last requested. */
    byte[] window() {
        return window;
    }

    int position() {
        return position;
    }

    /** Bytes already in the window past the position. */
    int available() {
        return limit - position;
    }

    /** How far into the stream the position is, for messages. */
    long offset() {
        return windowStartOffset + position;
    }

    /**
     * Makes {@code n} bytes from the position available in the window, reading as needed. The window
     * grows by doubling only while bytes keep arriving, so a corrupt length on a short stream costs
     * about as much memory as the bytes that really follow, not what the length claims.
     *
     * @return false when the stream ends first (then {@link #available()} says how many bytes there were)
     */
    boolean request(int n) throws IOException {
        if (limit - position >= n) {
            return true;
        }
        if (window.length - position < n) {
            compact();
        }
        while (limit - position < n && !endOfStream) {
            if (limit == window.length) {
                window = Arrays.copyOf(window, (int) Math.min(2L * window.length, position + (long) n));
            }
            int read = in.read(window, limit, window.length - limit);
            if (read < 0) {
                endOfStream = true;
            } else {
                limit += read;
            }
        }
        return limit - position >= n;
    }

    void advance(int n) {
        position += n;
    }

    /**
     * Moves past {@code n} bytes without keeping them, reading through the stream as needed.
     *
     * @return false when the stream ends first
     */
    boolean skip(long n) throws IOException {
        long remaining = n;
        while (remaining > 0) {
            if (position == limit && !request(1)) {
                return false;
            }
            int step = (int) Math.min(remaining, limit - position);
            position += step;
            remaining -= step;
        }
        return true;
    }

    private void compact() {
        int kept = limit - position;
        System.arraycopy(window, position, window, 0, kept);
        windowStartOffset += position;
        position = 0;
        limit = kept;
    }
}
