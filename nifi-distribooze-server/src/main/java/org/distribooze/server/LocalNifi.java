package org.distribooze.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * NiFi started the way its bootstrap would: org.apache.nifi.NiFi with conf/ and lib/*.jar on the class path,
 * in the home folder, with the bootstrap's system properties. The management port (NiFi's own "stop" door)
 * is bound to the loopback address too.
 */
public final class LocalNifi {

    static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final int UNSAFE_WARNING_SINCE = 24;

    private final NifiHome home;
    private final Process process;
    private final URI url;

    private LocalNifi(NifiHome home, Process process, URI url) {
        this.home = home;
        this.process = process;
        this.url = url;
    }

    public static LocalNifi start(NifiHome home, String heap) throws IOException {
        int httpPort = home.httpPort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx" + heap,
                "-Djava.awt.headless=true",
                "-Djava.net.preferIPv4Stack=true",
                "-Dnifi.properties.file.path=" + home.conf().resolve("nifi.properties"),
                "-Dorg.apache.nifi.bootstrap.config.file=" + home.conf().resolve("bootstrap.conf"),
                "-Dorg.apache.nifi.bootstrap.config.log.dir=" + home.logs(),
                "-Dorg.apache.nifi.management.server.address=127.0.0.1:" + freePort(),
                "-Dzookeeper.admin.enableServer=false",
                "--enable-native-access=ALL-UNNAMED",
                "-cp", home.conf() + ":" + home.path().resolve("lib") + "/*"));
        // NiFi's NARs still use sun.misc.Unsafe (Guava, protobuf); Java 24+ would warn about it in the log.
        if (Runtime.version().feature() >= UNSAFE_WARNING_SINCE) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("org.apache.nifi.NiFi");
        Process process = new ProcessBuilder(command)
                .directory(home.path().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.logs().resolve("nifi-stdout.log").toFile()))
                .start();
        return new LocalNifi(home, process, URI.create("http://127.0.0.1:" + httpPort + "/nifi/"));
    }

    public URI url() {
        return url;
    }

    public URI api() {
        return url.resolve("/nifi-api/");
    }

    public long pid() {
        return process.pid();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the REST API answers; fails early if NiFi exits, pointing at its log. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest about = HttpRequest.newBuilder(api().resolve("flow/about")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("NiFi exited with " + process.exitValue() + ": see " + home.logs());
            }
            try {
                if (client.send(about, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Jetty is not listening yet.
            }
            Thread.sleep(1000);
        }
        throw new IOException("NiFi did not answer within " + timeout + ": see " + home.logs());
    }

    /** Asks NiFi to stop (SIGTERM runs its shutdown hook) and waits; kills it only if it hangs. */
    public int stop() throws InterruptedException {
        return stop(process.toHandle());
    }

    static int stop(ProcessHandle handle) throws InterruptedException {
        handle.destroy();
        try {
            handle.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            return 0;
        } catch (ExecutionException | TimeoutException e) {
            handle.destroyForcibly();
            return 1;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
