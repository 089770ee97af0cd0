package org.distribooze.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared captures and the project's own samples are; surefire passes both folders. */
final class TestData {

    private TestData() {
    }

    static Path shared() {
        return folder("distribooze.shared.dir");
    }

    static Path seed(String capture) {
        return existing(shared().resolve("pcaps").resolve("seed").resolve(capture));
    }

    static Path truth(String capture) {
        return existing(shared().resolve("pcaps").resolve("truth").resolve(capture + ".tsv"));
    }

    static Path sample(String capture) {
        return existing(folder("distribooze.samples.dir").resolve(capture));
    }

    private static Path folder(String property) {
        String dir = System.getProperty(property);
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("system property " + property + " must name an existing folder, got "
                    + dir + " (surefire sets it; set it yourself when running tests another way)");
        }
        return Path.of(dir);
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("test capture missing: " + file);
        }
        return file;
    }
}
