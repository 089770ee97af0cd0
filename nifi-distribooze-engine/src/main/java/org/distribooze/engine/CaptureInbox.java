package org.distribooze.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The folder the template's ListFile reads: one symbolic link per capture named on the command line (the
 * files of a named folder included), so that captures of many GB are never copied. Two captures with the
 * same name get a number before the extension, so that neither hides the other; the report then names the file
 * behind such a number, as the flows and the failures carry only the name NiFi saw.
 */
final class CaptureInbox implements AutoCloseable {

    private final Path folder;
    private final List<Path> captures;
    private final Map<String, Path> renamed;

    private CaptureInbox(Path folder, List<Path> captures, Map<String, Path> renamed) {
        this.folder = folder;
        this.captures = captures;
        this.renamed = renamed;
    }

    static CaptureInbox of(List<Path> filesOrFolders, Path parent) throws IOException {
        List<Path> captures = new ArrayList<>();
        for (Path given : filesOrFolders) {
            if (Files.isDirectory(given)) {
                Folders.files(given).stream().filter(f -> !f.getFileName().toString().startsWith("."))
                        .forEach(captures::add);
            } else if (Files.isRegularFile(given)) {
                captures.add(given);
            } else {
                throw new IOException("no such capture or folder: " + given);
            }
        }
        if (captures.isEmpty()) {
            throw new IOException("no capture in " + filesOrFolders);
        }

        Files.createDirectories(parent);
        Path folder = Files.createTempDirectory(parent, "inbox-");
        Set<String> taken = new HashSet<>();
        Map<String, Path> renamed = new LinkedHashMap<>();
        for (Path capture : captures) {
            String name = freeName(capture.getFileName().toString(), taken);
            Files.createSymbolicLink(folder.resolve(name), capture.toAbsolutePath());
            if (!name.equals(capture.getFileName().toString())) {
                renamed.put(name, capture);
            }
        }
        return new CaptureInbox(folder, List.copyOf(captures), Map.copyOf(renamed));
    }

    Path folder() {
        return folder;
    }

    List<Path> captures() {
        return captures;
    }

    /** The captures that took another name in the inbox, by that name. */
    Map<String, Path> renamed() {
        return renamed;
    }

    private static String freeName(String name, Set<String> taken) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        }
        return candidate;
    }

    @Override
    public void close() throws IOException {
        Folders.delete(folder);
    }
}
