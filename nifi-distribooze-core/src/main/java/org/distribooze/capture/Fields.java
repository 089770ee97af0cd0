package org.distribooze.capture;

/** Unsigned reads of capture-file fields, whose byte order is the writer's (given by the magic). */
final class Fields {

    private Fields() {
    }

    static int u16(byte[] b, int at, boolean bigEndian) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return bigEndian ? first << 8 | second : second << 8 | first;
    }

    /** A 32-bit field as an int; callers that need it unsigned widen it with {@link #u32}. */
    static int i32(byte[] b, int at, boolean bigEndian) {
        int b0 = b[at] & 0xFF;
        int b1 = b[at + 1] & 0xFF;
        int b2 = b[at + 2] & 0xFF;
        int b3 = b[at + 3] & 0xFF;
        return bigEndian
                ? b0 << 24 | b1 << 16 | b2 << 8 | b3
                : b3 << 24 | b2 << 16 | b1 << 8 | b0;
    }

    static long u32(byte[] b, int at, boolean bigEndian) {
        return i32(b, at, bigEndian) & 0xFFFF_FFFFL;
    }

    static long i64(byte[] b, int at, boolean bigEndian) {
        long first = u32(b, at, bigEndian);
        long second = u32(b, at + 4, bigEndian);
        return bigEndian ? first << 32 | second : second << 32 | first;
    }

    static String hex32(long value) {
        return String.format("0x%08X", value);
    }
}
