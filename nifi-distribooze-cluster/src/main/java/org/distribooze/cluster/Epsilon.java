package org.distribooze.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * DBSCAN's neighbourhood radius: {@code auto} (worked out from the flows, see {@link FlowClusterer}), a number,
 * or an exact fraction such as {@code 1/3}.
 * <p>
 * Fractions exist for the occupied-bins distance, whose values are all fractions of two bin counts: 1/3 written
 * as a decimal is a hair below 1/3 however many digits it has. Flows are compared as described in
 * {@link Distance#JACCARD_OCCUPIED_BINS}, so a radius written back with the digits {@link #value()} prints
 * ({@code 0.3333333333333333}) finds the same neighbours as {@code 1/3}.
 */
public final class Epsilon {

    private static final Epsilon AUTO = new Epsilon(Double.NaN, 0, 0);
    private static final String AUTO_TEXT = "auto";

    private final double value;
    private final long numerator;
    private final long denominator;

    private Epsilon(double value, long numerator, long denominator) {
        this.value = value;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** Worked out from the flows when they are clustered. */
    public static Epsilon auto() {
        return AUTO;
    }

    /**
     * @param value finite, 0 or more
     * @throws IllegalArgumentException if the value is negative, NaN or infinite
     */
    public static Epsilon of(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("epsilon must be a finite number, 0 or more, got " + value);
        }
        return new Epsilon(value + 0.0, 0, 0);
    }

    /**
     * The fraction {@code numerator / denominator}, kept exact and reduced.
     *
     * @throws IllegalArgumentException if the numerator is negative or the denominator not positive
     */
    public static Epsilon fraction(long numerator, long denominator) {
        if (numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("epsilon must be a fraction of a number 0 or more over a number above"
                    + " 0, got " + numerator + "/" + denominator);
        }
        long divisor = gcd(numerator, denominator);
        long n = numerator / divisor;
        long d = denominator / divisor;
        return new Epsilon((double) n / d, n, d);
    }

    /**
     * Reads {@code auto} (any case), a decimal number ({@code 8}, {@code 0.35}) or a fraction of two whole
     * numbers ({@code 1/3}); surrounding blanks are ignored.
     *
     * @throws IllegalArgumentException naming the text when it is none of these or out of range
     */
    public static Epsilon parse(String text) {
        Objects.requireNonNull(text, "epsilon text");
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase(AUTO_TEXT)) {
            return AUTO;
        }

        int slash = trimmed.indexOf('/');
        try {
            if (slash >= 0) {
                return fraction(Long.parseLong(trimmed.substring(0, slash).strip()),
                        Long.parseLong(trimmed.substring(slash + 1).strip()));
            }
            if (!trimmed.matches("[0-9.eE+-]+")) {
                throw new NumberFormatException();
            }
            return of(Double.parseDouble(trimmed));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("epsilon must be auto, a number such as 8 or 0.35, or a fraction"
                    + " such as 1/3, got \"" + text + "\"", e);
        }
    }

    public boolean isAuto() {
        return this == AUTO;
    }

    /**
     * The radius as a double (a fraction rounded to the nearest double).
     *
     * @throws IllegalStateException for {@link #auto()}, which has no value until flows are clustered
     */
    public double value() {
        if (isAuto()) {
            throw new IllegalStateException("an automatic epsilon has no value until flows are clustered");
        }
        return value;
    }

    /** The exact fraction, reduced ({@code 1/3}, {@code 0/1}), for a radius made as one. */
    public Optional<String> fraction() {
        return denominator == 0 ? Optional.empty() : Optional.of(numerator + "/" + denominator);
    }

    /** {@code auto}, the fraction ({@code 1/3}) or the number as Java prints a double ({@code 8.0}). */
    @Override
    public String toString() {
        if (isAuto()) {
            return AUTO_TEXT;
        }
        return fraction().orElseGet(() -> String.valueOf(value));
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Epsilon that) || isAuto() || that.isAuto()) {
            return false;
        }
        return Double.compare(value, that.value) == 0 && numerator == that.numerator
                && denominator == that.denominator;
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, numerator, denominator);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
