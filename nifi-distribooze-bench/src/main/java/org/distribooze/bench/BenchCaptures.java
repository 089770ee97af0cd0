package org.distribooze.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmark captures are: each name (real50, real1g) is given to the benchmark JVMs as the system
 * property {@code distribooze.bench.NAME}, since JMH forks take their parameters as plain strings.
 */
public final class BenchCaptures {

    public static final String PROPERTY_PREFIX = "distribooze.bench.";

    private BenchCaptures() {
    }

    public static Path path(String name) {
        String value = System.getProperty(PROPERTY_PREFIX + name);
        if (value == null) {
            throw new IllegalStateException("system property " + PROPERTY_PREFIX + name
                    + " is not set: run the benchmark through bin/benchmark-extraction");
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("capture " + name + " not found at " + path);
        }
        return path;
    }

    /** A folder for what benchmarks write (the records of the processor runs), or the system's temporary one. */
    public static Path workFolder() {
        return Path.of(System.getProperty(PROPERTY_PREFIX + "work", System.getProperty("java.io.tmpdir")));
    }

    /** The {@code -D} argument that hands a capture's path to a forked JVM. */
    public static String property(String name, Path path) {
        return "-D" + PROPERTY_PREFIX + name + "=" + path.toAbsolutePath();
    }
}
