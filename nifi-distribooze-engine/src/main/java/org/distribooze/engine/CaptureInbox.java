package org.distribooze.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The folder the template's ListFile reads: one symbolic link per capture named on the command line (the
 * files of a named folder included), so that captures of many GB are never copied. Two captures with the
 * same name get a number before the extension, so that neither hides the other.
 */
final class CaptureInbox implements AutoCloseable {

    private final Path folder;
    private final List<Path> captures;

    private CaptureInbox(Path folder, List<Path> captures) {
        this.folder = folder;
        this.captures = captures;
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
        for (Path capture : captures) {
            Files.createSymbolicLink(folder.resolve(freeName(capture.getFileName().toString(), taken)),
                    capture.toAbsolutePath());
        }
        return new CaptureInbox(folder, List.copyOf(captures));
    }

    Path folder() {
        return folder;
    }

    List<Path> captures() {
        return captures;
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
