package org.distribooze.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared, read-only test captures; surefire passes their folder as {@code distribooze.shared.dir}. */
public final class SharedData {

    public static final String PROPERTY = "distribooze.shared.dir";

    private SharedData() {
    }

    public static Path pcaps() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property " + PROPERTY
                    + " is not set: run the tests through Maven, or pass -D" + PROPERTY + "=<shared folder>");
        }
        Path pcaps = Path.of(dir, "pcaps");
        if (!Files.isDirectory(pcaps)) {
            throw new IllegalStateException(PROPERTY + " = " + dir + " has no pcaps folder");
        }
        return pcaps;
    }
}
