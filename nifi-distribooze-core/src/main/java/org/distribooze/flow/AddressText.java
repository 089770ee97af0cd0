package org.distribooze.flow;

/**
 * IP addresses as text: IPv4 dotted quad, IPv6 in the canonical form of RFC 5952 (lower-case hex, no
 * leading zeros, the longest run of two or more zero groups, the first on a tie, written "::"), with
 * IPv4-mapped addresses (::ffff:0:0/96) in the mixed notation its section 5 recommends.
 * java.net.InetAddress is no help: it never compresses zero groups.
 */
public final class AddressText {

    private static final int GROUPS = 8;
    private static final int MAPPED_PREFIX_GROUPS = 5;

    private AddressText() {
    }

    /** Formats a 4-byte (IPv4) or 16-byte (IPv6) address read from {@code bytes} at {@code offset}. */
    public static String format(byte[] bytes, int offset, int length) {
        if (length == 4) {
            return ipv4(bytes, offset);
        }
        if (length == 16) {
            return ipv6(bytes, offset);
        }
        throw new IllegalArgumentException("an IP address is 4 or 16 bytes, got " + length);
    }

    private static String ipv4(byte[] b, int at) {
        return (b[at] & 0xFF) + "." + (b[at + 1] & 0xFF) + "." + (b[at + 2] & 0xFF) + "." + (b[at + 3] & 0xFF);
    }

    private static String ipv6(byte[] b, int at) {
        int[] groups = new int[GROUPS];
        for (int i = 0; i < GROUPS; i++) {
            groups[i] = (b[at + 2 * i] & 0xFF) << 8 | b[at + 2 * i + 1] & 0xFF;
        }
        if (isIpv4Mapped(groups)) {
            return "::ffff:" + ipv4(b, at + 12);
        }

        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < GROUPS; i++) {
            int run = 0;
            while (i + run < GROUPS && groups[i + run] == 0) {
                run++;
            }
            // Strictly longer, so the first of equal runs wins; a lone zero group is never shortened.
            if (run > bestLength) {
                bestStart = i;
                bestLength = run;
            }
            i += run;
        }

        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static boolean isIpv4Mapped(int[] groups) {
        for (int i = 0; i < MAPPED_PREFIX_GROUPS; i++) {
            if (groups[i] != 0) {
                return false;
            }
        }
        return groups[MAPPED_PREFIX_GROUPS] == 0xFFFF;
    }
}
