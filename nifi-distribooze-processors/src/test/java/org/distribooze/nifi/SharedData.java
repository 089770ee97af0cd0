package org.distribooze.nifi;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The team's shared, read-only test data: captures, tshark's truth per capture, the reference oracle. */
final class SharedData {

    static final String PROPERTY = "distribooze.shared.dir";

    private SharedData() {
    }

    static Path root() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            fail("System property " + PROPERTY + " is not set: run the tests through Maven, whose surefire "
                    + "configuration points it at the shared test data");
        }
        Path root = Path.of(dir);
        if (!Files.isDirectory(root.resolve("pcaps"))) {
            fail("No pcaps folder in the shared test data at " + root + " (" + PROPERTY + ")");
        }
        return root;
    }

    static Path capture(String folder, String name) {
        return root().resolve("pcaps").resolve(folder).resolve(name);
    }

    static Path truth(Path capture) {
        return root().resolve("pcaps").resolve("truth").resolve(capture.getFileName() + ".tsv");
    }

    static Path referenceScript() {
        return root().resolve("reference").resolve("reference.py");
    }

    /** Every capture of the given folders, sorted by name within each folder. */
    static List<Path> captures(String... folders) throws IOException {
        List<Path> captures = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.list(root().resolve("pcaps").resolve(folder))) {
                files.filter(Files::isRegularFile).sorted().forEach(captures::add);
            }
        }
        return captures;
    }
}
