package org.distribooze.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names captures take in the inbox. A name must be one ListFile lists and NiFi can write beside: ListFile's
 * filter {@code [^\.].*} skips a name that starts with a dot or holds a line break, and PutFile writes
 * {@code NAME.reason.json} and {@code NAME.notice.json}, which must stay under the file system's 255 bytes.
 */
final class InboxNames {

    /** Leaves room for ".reason.json", ".notice.json" and a clash number within 255 bytes, with a margin. */
    private static final int MAX_NAME_BYTES = 200;

    /** Longer tails after the last dot are taken for part of the name, not an extension worth keeping. */
    private static final int MAX_EXTENSION_BYTES = 16;

    /** What the template writes beside a failed capture, or for a capture read in part, under its name. */
    private static final List<String> WRITTEN_BESIDE = List.of(".reason.json", ".notice.json");

    private InboxNames() {
    }

    /** The name a capture called {@code given} takes, before any clash with another. */
    static String safeName(String given) {
        return fit(listable(given), "");
    }

    /** Why a capture called {@code given} cannot keep its own name, if it can't; empty when it can. */
    static List<String> ownNameProblems(String given) {
        String safe = safeName(given);
        List<String> problems = new ArrayList<>();
        if (given.startsWith(".")) {
            problems.add("ListFile skips names that start with a dot");
        }
        if (given.codePoints().anyMatch(InboxNames::isControl)) {
            problems.add("control characters became _, since ListFile skips names with line breaks");
        }
        if (!listable(given).equals(safe)) {
            problems.add("shortened to " + MAX_NAME_BYTES + " bytes, so that NiFi can write NAME.notice.json"
                    + " beside it");
        }
        return problems;
    }

    /**
     * {@code name}, or it with the first number that makes it free. A name is not free either when another capture
     * holds it or when it is where the template writes another's reason or notice ({@code x.reason.json} beside a
     * failed {@code x}), or the other way round: the two files would replace one another.
     */
    static String freeName(String name, Map<String, Path> holders) {
        String candidate = name;
        for (int n = 2; clash(candidate, holders) != null; n++) {
            candidate = fit(name, "-" + n);
        }
        return candidate;
    }

    /** Why {@code name} is not free among the names {@code holders} took, for the report; null when it is free. */
    static String clash(String name, Map<String, Path> holders) {
        if (holders.containsKey(name)) {
            return name + " is " + printable(holders.get(name));
        }
        for (String suffix : WRITTEN_BESIDE) {
            String base = name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : null;
            if (base != null && holders.containsKey(base)) {
                return name + " is where the " + suffix + " of " + printable(holders.get(base)) + " goes";
            }
            if (holders.containsKey(name + suffix)) {
                return name + suffix + " is " + printable(holders.get(name + suffix)) + ", where " + name + "'s "
                        + suffix + " would go";
            }
        }
        return null;
    }

    /** A capture's path as the report can print it on one line: control characters written as escapes. */
    static String printable(Path path) {
        StringBuilder text = new StringBuilder();
        path.toString().codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(isControl(c) ? String.format(Locale.ROOT, "\\u%04x", c)
                        : Character.toString(c));
            }
        });
        return text.toString();
    }

    /** {@code name} with {@code tag} before its extension, its stem cut so that the whole fits in the limit. */
    private static String fit(String name, String tag) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && bytes(name.substring(dot)) <= MAX_EXTENSION_BYTES ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int room = MAX_NAME_BYTES - bytes(tag) - bytes(extension);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int c : stem.codePoints().toArray()) {
            used += bytes(Character.toString(c));
            if (used > room) {
                break;
            }
            kept.appendCodePoint(c);
        }
        return kept + tag + extension;
    }

    /** {@code given} without leading dots and with its control characters made {@code _}; never empty. */
    private static String listable(String given) {
        StringBuilder name = new StringBuilder();
        given.replaceFirst("^\\.+", "").codePoints().forEach(c -> name.appendCodePoint(isControl(c) ? '_' : c));
        return name.isEmpty() ? "_" : name.toString();
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Java's {@code .}, as in ListFile's filter, matches no line break, U+2028 and U+2029 included. */
    private static boolean isControl(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
