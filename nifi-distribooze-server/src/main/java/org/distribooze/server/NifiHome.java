package org.distribooze.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A NiFi home folder put together from the parts the build copied (lib jars, NARs) and the project's templates:
 * lib/ links to the jars and NARs, conf/ is written here, templates/ holds the flow definitions to import.
 * Assembling again keeps the flow, the repositories and the sensitive properties key of an earlier start.
 */
public final class NifiHome {

    private static final String RESOURCES = "/org/distribooze/server/";

    private final Path home;

    private NifiHome(Path home) {
        this.home = home;
    }

    public static NifiHome at(Path home) {
        return new NifiHome(home.toAbsolutePath());
    }

    public Path path() {
        return home;
    }

    public Path conf() {
        return home.resolve("conf");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }

    public Path templates() {
        return home.resolve("templates");
    }

    /** Lays out the home for an HTTP port; parts holds lib/ and nars/ as the server module's build left them. */
    public NifiHome assemble(Path parts, Path templateSource, int httpPort) throws IOException {
        for (String folder : List.of("lib", "conf", "extensions", "logs", "run", "templates")) {
            Files.createDirectories(home.resolve(folder));
        }

        linkAll(parts.resolve("lib"), home.resolve("lib"));
        linkAll(parts.resolve("nars"), home.resolve("lib"));
        copyTemplates(templateSource);

        String key = existingKey().orElseGet(NifiHome::newKey);
        write("nifi.properties", resource("nifi.properties")
                .replace("${http.port}", String.valueOf(httpPort))
                .replace("${sensitive.key}", key));
        for (String file : List.of("bootstrap.conf", "logback.xml", "state-management.xml")) {
            write(file, resource(file));
        }
        return this;
    }

    /** The HTTP port the home was last assembled for. */
    public int httpPort() throws IOException {
        return Integer.parseInt(properties().getProperty("nifi.web.http.port").trim());
    }

    private static void linkAll(Path from, Path into) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IOException("no " + from + ": build the project first (bin/nifi-server does)");
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Path link = into.resolve(file.getFileName());
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, file.toAbsolutePath());
            }
        }
    }

    private void copyTemplates(Path source) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            for (Path template : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                Files.copy(template, templates().resolve(template.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private Optional<String> existingKey() throws IOException {
        if (!Files.isRegularFile(conf().resolve("nifi.properties"))) {
            return Optional.empty();
        }
        String key = properties().getProperty("nifi.sensitive.props.key", "").trim();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    private Properties properties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(conf().resolve("nifi.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    // The key encrypts sensitive values in the flow; it stays with the home and never leaves it.
    private static String newKey() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(conf().resolve(file), text, StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = NifiHome.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
