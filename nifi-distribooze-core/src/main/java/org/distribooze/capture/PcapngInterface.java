package org.distribooze.capture;

/**
 * What a pcapng Interface Description Block says about the packets captured on it: link type, snaplen
 * and how its timestamps count (if_tsresol: 10^-k or 2^-k seconds per unit, default microseconds;
 * if_tsoffset: seconds to add).
 */
final class PcapngInterface {

    static final int DEFAULT_RESOLUTION = 6;

    private static final int LINK_TYPE = 8;
    private static final int SNAP_LENGTH = 12;
    private static final int OPTIONS = 16;
    private static final int OPTION_END = 0;
    private static final int OPTION_TSRESOL = 9;
    private static final int OPTION_TSOFFSET = 14;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int NANO_DIGITS = 9;
    private static final int BINARY_FLAG = 0x80;
    private static final long[] POWERS_OF_TEN = powersOfTen();

    final int linkType;
    final long snapLength;
    final int digits;
    private final boolean binary;
    private final int exponent;
    private final long offsetNanos;

    /**
     * @param resolution the if_tsresol byte: high bit clear means 10^-value, set means 2^-(low 7 bits)
     */
    PcapngInterface(int linkType, long snapLength, int resolution, long offsetSeconds) {
        this.linkType = linkType;
        this.snapLength = snapLength;
        this.binary = (resolution & BINARY_FLAG) != 0;
        this.exponent = resolution & ~BINARY_FLAG;
        this.offsetNanos = clampedTimes(offsetSeconds, NANOS_PER_SECOND);
        if (binary) {
            // A binary fraction has no exact decimal width; nanoseconds are as fine as the output goes.
            this.digits = exponent == 0 ? 0 : NANO_DIGITS;
        } else {
            this.digits = Math.min(exponent, NANO_DIGITS);
        }
    }

    /**
     * Reads an Interface Description Block whose {@code length} bytes (already checked) start at {@code at}.
     * Options are code, length, value padded to 32 bits; unknown ones are skipped by their length and a
     * malformed list just ends the walk, leaving the defaults.
     */
    static PcapngInterface read(byte[] block, int at, int length, boolean bigEndian) {
        int linkType = Fields.u16(block, at + LINK_TYPE, bigEndian);
        long snapLength = Fields.u32(block, at + SNAP_LENGTH, bigEndian);
        int resolution = DEFAULT_RESOLUTION;
        long offsetSeconds = 0;
        int option = at + OPTIONS;
        int optionsEnd = at + length - 4;
        while (optionsEnd - option >= 4) {
            int code = Fields.u16(block, option, bigEndian);
            int valueLength = Fields.u16(block, option + 2, bigEndian);
            int value = option + 4;
            if (code == OPTION_END || value + valueLength > optionsEnd) {
                break;
            }
            if (code == OPTION_TSRESOL && valueLength >= 1) {
                resolution = block[value] & 0xFF;
            } else if (code == OPTION_TSOFFSET && valueLength >= 8) {
                offsetSeconds = Fields.i64(block, value, bigEndian);
            }
            option = value + ((valueLength + 3) & ~3);
        }
        return new PcapngInterface(linkType, snapLength, resolution, offsetSeconds);
    }

    /** Nanoseconds since the epoch for a timestamp of {@code units} (unsigned 64 bits) of this interface. */
    long toNanos(long units) {
        long nanos = binary ? binaryToNanos(units) : decimalToNanos(units);
        long sum = offsetNanos + nanos;
        // Signed overflow flips the sign against both operands: such a time lies past what a long holds.
        if (((offsetNanos ^ sum) & (nanos ^ sum)) < 0) {
            return nanos < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    /**
     * {@code value * factor} (factor positive), held at the ends of the long range rather than wrapped: a
     * timestamp after 2262 or before 1678, which nanoseconds since the epoch cannot hold, stays at the end.
     */
    private static long clampedTimes(long value, long factor) {
        long high = Math.multiplyHigh(value, factor);
        long low = value * factor;
        if (high != (low >> (Long.SIZE - 1))) {
            return value < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return low;
    }

    /** Whole seconds in nanoseconds plus a fraction below one second, held at the end of the range. */
    private static long plusFraction(long secondsNanos, long fractionNanos) {
        return secondsNanos > Long.MAX_VALUE - fractionNanos ? Long.MAX_VALUE : secondsNanos + fractionNanos;
    }

    /** The same for a count read as unsigned 64 bits. */
    private static long clampedUnsignedTimes(long units, long factor) {
        return units < 0 ? Long.MAX_VALUE : clampedTimes(units, factor);
    }

    private long decimalToNanos(long units) {
        if (exponent <= NANO_DIGITS) {
            return clampedUnsignedTimes(units, POWERS_OF_TEN[NANO_DIGITS - exponent]);
        }
        if (exponent >= POWERS_OF_TEN.length) {
            // 10^19 and finer: every 64-bit count is below one second and 10^-10 s of it rounds away here.
            int finer = exponent - NANO_DIGITS;
            return finer >= POWERS_OF_TEN.length ? 0 : Long.divideUnsigned(units, POWERS_OF_TEN[finer]);
        }
        long unitsPerSecond = POWERS_OF_TEN[exponent];
        long seconds = Long.divideUnsigned(units, unitsPerSecond);
        long fraction = Long.remainderUnsigned(units, unitsPerSecond);
        return plusFraction(clampedTimes(seconds, NANOS_PER_SECOND), fraction / POWERS_OF_TEN[exponent - NANO_DIGITS]);
    }

    private long binaryToNanos(long units) {
        if (exponent == 0) {
            return clampedUnsignedTimes(units, NANOS_PER_SECOND);
        }
        if (exponent >= Long.SIZE) {
            // Every count is a fraction of a second: nanos = units * 10^9 / 2^exponent over 128 bits.
            long high = Math.unsignedMultiplyHigh(units, NANOS_PER_SECOND);
            return exponent - Long.SIZE >= Long.SIZE ? 0 : high >>> (exponent - Long.SIZE);
        }
        long seconds = units >>> exponent;
        long fraction = units & ((1L << exponent) - 1);
        long low = fraction * NANOS_PER_SECOND;
        long high = Math.unsignedMultiplyHigh(fraction, NANOS_PER_SECOND);
        long fractionNanos = (high << (Long.SIZE - exponent)) | (low >>> exponent);
        return plusFraction(clampedTimes(seconds, NANOS_PER_SECOND), fractionNanos);
    }

    private static long[] powersOfTen() {
        long[] powers = new long[19];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }
}
