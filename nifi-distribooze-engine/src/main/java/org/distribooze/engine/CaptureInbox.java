package org.distribooze.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The folder the template's ListFile reads: one symbolic link per capture named on the command line (the
 * visible regular files of a named folder included), so that captures of many GB are never copied.
 * <p>
 * A link's name is one ListFile lists and NiFi can write beside: ListFile's filter {@code [^\.].*} skips a name
 * that starts with a dot or holds a line break, and PutFile writes {@code NAME.reason.json} and
 * {@code NAME.notice.json}, which must stay under the file system's 255 bytes. So leading dots are dropped,
 * control characters become {@code _} and long names are shortened; two captures with the same name get a number
 * before the extension, so that neither hides the other. The report then names the file behind each such name,
 * as the flows and the failures carry only the name NiFi saw.
 */
final class CaptureInbox implements AutoCloseable {

    /** Leaves room for ".reason.json", ".notice.json" and a clash number within 255 bytes, with a margin. */
    static final int MAX_NAME_BYTES = 200;

    /** Longer tails after the last dot are taken for part of the name, not an extension worth keeping. */
    private static final int MAX_EXTENSION_BYTES = 16;

    /** What the template writes beside a failed capture, or for a capture read in part, under its name. */
    private static final List<String> WRITTEN_BESIDE = List.of(".reason.json", ".notice.json");

    private final Path folder;
    private final List<Path> captures;
    private final Map<String, Renamed> renamed;
    private final List<String> skipped;

    private CaptureInbox(Path folder, List<Path> captures, Map<String, Renamed> renamed, List<String> skipped) {
        this.folder = folder;
        this.captures = captures;
        this.renamed = renamed;
        this.skipped = skipped;
    }

    static CaptureInbox of(List<Path> filesOrFolders, Path parent) throws IOException {
        return of(filesOrFolders, parent, (link, target) -> Files.createSymbolicLink(link, target));
    }

    /** As {@link #of(List, Path)}, with the way links are made given, so that a failing link can be tested. */
    static CaptureInbox of(List<Path> filesOrFolders, Path parent, Linker linker) throws IOException {
        List<Path> captures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path given : filesOrFolders) {
            if (Files.isDirectory(given)) {
                captures.addAll(visibleFiles(given, skipped));
            } else if (Files.isRegularFile(given)) {
                captures.add(given);
            } else if (Files.exists(given)) {
                throw new IOException(notACapture(given));
            } else {
                throw new IOException("no such capture or folder: " + printable(given));
            }
        }
        if (captures.isEmpty()) {
            // The skipped entries are the likely answer to "why none?", so they go in the message.
            throw new IOException("no capture in " + filesOrFolders
                    + (skipped.isEmpty() ? "" : ": " + String.join("; ", skipped)));
        }

        Files.createDirectories(parent);
        Path folder = Files.createTempDirectory(parent, "inbox-");
        try {
            Map<String, Renamed> renamed = link(captures, folder, linker);
            return new CaptureInbox(folder, List.copyOf(captures), Collections.unmodifiableMap(renamed),
                    List.copyOf(skipped));
        } catch (IOException | RuntimeException e) {
            // Nothing else would ever remove a half-made inbox: the next run makes a folder of its own.
            try {
                Folders.delete(folder);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The message for a FIFO, device or socket given by name: ListFile reads regular files only. */
    static String notACapture(Path given) {
        return "not a capture or folder: " + printable(given) + " is a FIFO, device or socket"
                + " (save what it gives to a file first)";
    }

    Path folder() {
        return folder;
    }

    List<Path> captures() {
        return captures;
    }

    /** The captures that took another name in the inbox, by that name, in the order they were given. */
    Map<String, Renamed> renamed() {
        return renamed;
    }

    /** One line per folder given that holds entries no capture was taken from: hidden, sub-folders and the like. */
    List<String> skipped() {
        return skipped;
    }

    /**
     * The name a capture called {@code given} takes in the inbox, before any clash with another: one ListFile lists
     * and NiFi can write beside.
     */
    static String safeName(String given) {
        return fit(listable(given), "");
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

    private static Map<String, Renamed> link(List<Path> captures, Path folder, Linker linker) throws IOException {
        Map<String, Path> holders = new HashMap<>();
        Map<String, Renamed> renamed = new LinkedHashMap<>();
        for (Path capture : captures) {
            String given = capture.getFileName().toString();
            String safe = safeName(given);
            String name = freeName(safe, holders);
            holders.put(name, capture);
            linker.link(folder.resolve(name), capture.toAbsolutePath());

            List<String> reasons = new ArrayList<>();
            if (given.startsWith(".")) {
                reasons.add("ListFile skips names that start with a dot");
            }
            if (given.codePoints().anyMatch(CaptureInbox::isControl)) {
                reasons.add("control characters became _, since ListFile skips names with line breaks");
            }
            if (!listable(given).equals(safe)) {
                reasons.add("shortened to " + MAX_NAME_BYTES + " bytes, so that NiFi can write NAME.notice.json"
                        + " beside it");
            }
            if (!name.equals(safe)) {
                reasons.add(clash(safe, holders));
            }
            if (!reasons.isEmpty()) {
                renamed.put(name, new Renamed(capture, String.join("; ", reasons)));
            }
        }
        return renamed;
    }

    /**
     * {@code name}, or it with the first number that makes it free. A name is not free either when another capture
     * holds it or when it is where the template writes another's reason or notice ({@code x.reason.json} beside a
     * failed {@code x}), or the other way round: the two files would replace one another.
     */
    private static String freeName(String name, Map<String, Path> taken) {
        String candidate = name;
        for (int n = 2; clashes(candidate, taken); n++) {
            candidate = fit(name, "-" + n);
        }
        return candidate;
    }

    /** Why {@code name} was not free, for the report. */
    private static String clash(String name, Map<String, Path> holders) {
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
        return name + " is taken";
    }

    private static boolean clashes(String name, Map<String, Path> taken) {
        if (taken.containsKey(name)) {
            return true;
        }
        for (String suffix : WRITTEN_BESIDE) {
            if (taken.containsKey(name + suffix)
                    || name.endsWith(suffix) && taken.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
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

    private static List<Path> visibleFiles(Path folder, List<String> skipped) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        }

        List<Path> files = new ArrayList<>();
        Map<Skip, Integer> counts = new EnumMap<>(Skip.class);
        for (Path entry : entries) {
            Skip skip;
            if (entry.getFileName().toString().startsWith(".")) {
                skip = Skip.HIDDEN;
            } else if (Files.isDirectory(entry)) {
                skip = Skip.FOLDER;
            } else if (Files.isRegularFile(entry)) {
                files.add(entry);
                continue;
            } else if (!Files.exists(entry)) {
                skip = Skip.BROKEN_LINK;
            } else {
                skip = Skip.SPECIAL;
            }
            counts.merge(skip, 1, Integer::sum);
        }

        if (!counts.isEmpty()) {
            skipped.add("skipped in " + printable(folder) + ": " + counts.entrySet().stream()
                    .map(count -> count.getKey().describe(count.getValue())).collect(Collectors.joining(", ")));
        }
        return files;
    }

    @Override
    public void close() throws IOException {
        Folders.delete(folder);
    }

    /** Makes the link {@code link} to {@code target}. */
    @FunctionalInterface
    interface Linker {
        void link(Path link, Path target) throws IOException;
    }

    /**
     * A capture that took another name in the inbox.
     *
     * @param capture the capture as it was given
     * @param reason  why: what its own name could not be, or which capture holds that name
     */
    record Renamed(Path capture, String reason) {

        /** The capture's path, printable on one line. */
        String file() {
            return printable(capture);
        }
    }

    /** The entries of a folder given that are not taken, in the order the note lists them. */
    private enum Skip {
        HIDDEN("hidden file", "hidden files"),
        FOLDER("sub-folder (not searched)", "sub-folders (not searched)"),
        BROKEN_LINK("broken symbolic link", "broken symbolic links"),
        SPECIAL("FIFO, device or socket", "FIFOs, devices or sockets");

        private final String one;
        private final String many;

        Skip(String one, String many) {
            this.one = one;
            this.many = many;
        }

        String describe(int count) {
            return count + " " + (count == 1 ? one : many);
        }
    }
}
