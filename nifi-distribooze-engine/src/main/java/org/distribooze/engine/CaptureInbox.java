package org.distribooze.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The folder the template's ListFile reads: one symbolic link per capture named on the command line (the
 * visible regular files of a named folder included), so that captures of many GB are never copied.
 * <p>
 * A link's name is one ListFile lists and NiFi can write beside ({@link InboxNames}): leading dots are dropped,
 * control characters become {@code _} and long names are shortened; two captures with the same name get a number
 * before the extension, so that neither hides the other. The report then names the file behind each such name,
 * as the flows and the failures carry only the name NiFi saw.
 */
final class CaptureInbox implements AutoCloseable {

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
                throw new IOException("no such capture or folder: " + InboxNames.printable(given));
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
        return "not a capture or folder: " + InboxNames.printable(given) + " is a FIFO, device or socket"
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

    private static Map<String, Renamed> link(List<Path> captures, Path folder, Linker linker) throws IOException {
        Map<String, Path> holders = new HashMap<>();
        Map<String, Renamed> renamed = new LinkedHashMap<>();
        for (Path capture : captures) {
            String given = capture.getFileName().toString();
            String safe = InboxNames.safeName(given);
            String name = InboxNames.freeName(safe, holders);

            List<String> reasons = new ArrayList<>(InboxNames.ownNameProblems(given));
            if (!name.equals(safe)) {
                reasons.add(InboxNames.clash(safe, holders));
            }
            if (!reasons.isEmpty()) {
                renamed.put(name, new Renamed(capture, String.join("; ", reasons)));
            }

            holders.put(name, capture);
            linker.link(folder.resolve(name), capture.toAbsolutePath());
        }
        return renamed;
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
            skipped.add("skipped in " + InboxNames.printable(folder) + ": " + counts.entrySet().stream()
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
            return InboxNames.printable(capture);
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
