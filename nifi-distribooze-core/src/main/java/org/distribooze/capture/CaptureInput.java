package org.distribooze.capture;

import java.io.IOException;
import java.io.InputStream;

/**
 * A refilling byte window over a stream: readers ask for the next {@code n} bytes to be in the window,
 * read them in place and move on. The window only grows to hold the largest single record asked for,
 * so memory stays bounded by the record length limit, never by the size of the stream.
 */
final class CaptureInput {

    private static final int DEFAULT_CAPACITY = 1 << 20;

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
     * Makes {@code n} bytes from the position available in the window, reading as needed.
     *
     * @return false when the stream ends first (then {@link #available()} says how many bytes there were)
     */
    boolean request(int n) throws IOException {
        if (limit - position >= n) {
            return true;
        }
        makeRoom(n);
        while (limit - position < n && !endOfStream) {
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

    /** True when every byte of the stream has been consumed. */
    boolean atEnd() throws IOException {
        return !request(1);
    }

    private void makeRoom(int n) {
        if (window.length - position >= n) {
            return;
        }
        int kept = limit - position;
        byte[] target = window;
        if (n > window.length) {
            // Grow to at least twice the old size so a run of growing records does not copy each time.
            target = new byte[(int) Math.min(Integer.MAX_VALUE - 8L, Math.max(n, 2L * window.length))];
        }
        System.arraycopy(window, position, target, 0, kept);
        window = target;
        windowStartOffset += position;
        position = 0;
        limit = kept;
    }
}
