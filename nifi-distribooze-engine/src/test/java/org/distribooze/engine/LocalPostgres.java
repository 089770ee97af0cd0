package org.distribooze.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from Debian's postgresql package: initdb and pg_ctl on a free loopback port,
 * data under a temporary folder, trust authentication. PostgreSQL refuses to run as root, so under root it runs
 * as the package's postgres user. Missing binaries fail the test with what to install; nothing is skipped.
 */
final class LocalPostgres implements AutoCloseable {

    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path folder;
    private final boolean asPostgresUser;
    private final int port;

    private LocalPostgres(Path bin, Path folder, boolean asPostgresUser, int port) {
        this.bin = bin;
        this.folder = folder;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
    }

    static LocalPostgres start() throws IOException, InterruptedException {
        Path bin = serverBinaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL's initdb and pg_ctl are not under " + DEBIAN_VERSIONS + "/<version>/bin:"
                        + " install Debian's postgresql package (apt-get install postgresql)"));
        boolean root = "root".equals(System.getProperty("user.name"));

        Path folder = Files.createTempDirectory("distribooze-postgres-");
        if (root) {
            UserPrincipal postgres = FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
        }
        LocalPostgres server = new LocalPostgres(bin, folder, root, freePort());

        server.run("initdb", "-D", folder.resolve("data").toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--no-sync");
        server.run("pg_ctl", "-D", folder.resolve("data").toString(), "-l", folder.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + server.port + " -k " + folder
                        + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "fast", "-w", "stop");
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private void run(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** The newest PostgreSQL version's binaries that Debian installed. */
    private static Optional<Path> serverBinaries() throws IOException {
        if (!Files.isDirectory(DEBIAN_VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> version(b.getParent())));
        }
    }

    private static int version(Path folder) {
        try {
            return Integer.parseInt(folder.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
