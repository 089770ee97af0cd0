package org.distribooze.engine;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The jars NiFi keeps in its lib/ folder: the API every extension is compiled against, the NAR class loading
 * and the logging API. The engine and every NAR must see the very same classes from these, and nothing else
 * of the engine's own class path.
 */
final class SharedLibraries {

    private static final Pattern SHARED_JAR = Pattern.compile(
            "(nifi-(api|framework-api|stateless-api|nar-utils|properties|property-utils|server-api"
                    + "|python-framework-api)"
                    + "|slf4j-api|jul-to-slf4j|jcl-over-slf4j|log4j-over-slf4j|logback-classic|logback-core)"
                    + "-\\d[^/]*\\.jar");

    private SharedLibraries() {
    }

    /** The shared jars among the entries of this JVM's class path. */
    static List<Path> onClassPath() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isRegularFile(path) && isShared(path)) {
                jars.add(path);
            }
        }
        if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("nifi-stateless-api-"))) {
            throw new IllegalStateException("nifi-stateless-api is not on the class path: " + jars);
        }
        return jars;
    }

    static boolean isShared(Path jar) {
        return SHARED_JAR.matcher(jar.getFileName().toString()).matches();
    }
}
