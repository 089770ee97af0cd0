package org.distribooze.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's shared test data and the folders the build prepared for the engine. */
final class SharedData {

    private SharedData() {
    }

    static Path shared() {
        return folder("distribooze.shared.dir");
    }

    static Path capture(String relative) {
        Path capture = shared().resolve("pcaps").resolve(relative);
        if (!Files.isRegularFile(capture)) {
            throw new IllegalStateException("shared capture missing: " + capture);
        }
        return capture;
    }

    static Path nifi() {
        return folder("distribooze.nifi.dir");
    }

    static Path templates() {
        return folder("distribooze.templates.dir");
    }

    /** The project's own sample captures, which sit beside templates/. */
    static Path samples() {
        return templates().resolveSibling("samples");
    }

    private static Path folder(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isDirectory(Path.of(value))) {
            throw new IllegalStateException("system property " + property + " must name a folder, is " + value
                    + ": run the tests through Maven (mvnw verify)");
        }
        return Path.of(value);
    }
}
