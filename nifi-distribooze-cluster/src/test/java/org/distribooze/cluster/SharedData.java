package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared, read-only test data beside the project; surefire passes its place as a system property. */
final class SharedData {

    static final String PROPERTY = "distribooze.shared.dir";

    private SharedData() {
    }

    static Path dir() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            fail("system property " + PROPERTY + " is not set: run the tests through Maven, or pass"
                    + " -D" + PROPERTY + "=<the shared folder beside the project>");
        }
        return Path.of(dir);
    }

    static Path file(String relative) {
        Path file = dir().resolve(relative);
        assertTrue(Files.isRegularFile(file), "missing shared test file " + file);
        return file;
    }
}
