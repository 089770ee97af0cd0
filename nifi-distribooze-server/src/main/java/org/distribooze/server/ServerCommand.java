package org.distribooze.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * bin/nifi-server: "start" assembles a NiFi home with this bundle installed and runs NiFi on 127.0.0.1 in the
 * foreground until Ctrl-C or "stop"; "stop" (from another terminal) ends it cleanly.
 */
public final class ServerCommand {

    static final String USAGE = "usage: nifi-server start [--home DIR] [--port PORT] | stop [--home DIR]";
    private static final Duration READY_WAIT = Duration.ofMinutes(5);
    // Once NiFi is gone the launcher only prints a line and removes its pid files.
    private static final Duration LAUNCHER_EXIT_WAIT = Duration.ofSeconds(30);
    private static final String LAUNCHER_PID = "launcher.pid";
    private static final String NIFI_PID = "nifi.pid";
    private static final int SIGINT_EXIT = 130;
    private static final int SIGTERM_EXIT = 143;

    private ServerCommand() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        if (args.length == 0 || !(args[0].equals("start") || args[0].equals("stop"))) {
            err.println(USAGE);
            return 2;
        }
        Path home = Path.of(System.getProperty("distribooze.server.home", "nifi-home"));
        int port = 8080;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--home") && i + 1 < args.length) {
                home = Path.of(args[++i]);
            } else if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        NifiHome nifiHome = NifiHome.at(home);
        return args[0].equals("start") ? start(nifiHome, port, out, err) : stop(nifiHome, out);
    }

    private static int start(NifiHome home, int port, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        if (running(home, LAUNCHER_PID).isPresent()) {
            err.println("NiFi already runs from " + home.path() + ": bin/nifi-server stop first");
            return 1;
        }
        home.assemble(Path.of(required("distribooze.server.parts")), Path.of(required("distribooze.templates.dir")),
                port == 0 ? LocalNifi.freePort() : port);

        out.println("Starting NiFi 2.3.0 from " + home.path() + " (log: " + home.logs().resolve("nifi-app.log") + ")");
        LocalNifi nifi = LocalNifi.start(home, "1g");
        writePid(home, NIFI_PID, nifi.pid());
        writePid(home, LAUNCHER_PID, ProcessHandle.current().pid());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(home, nifi, out)));

        try {
            nifi.awaitReady(READY_WAIT);
        } catch (IOException e) {
            if (!nifi.isAlive() && stoppedOnRequest(nifi.waitFor())) {
                out.println("NiFi stopped before it was up");
                return 0;
            }
            err.println(e.getMessage());
            return 1;
        }
        out.println();
        out.println("NiFi is up: " + nifi.url());
        out.println("  Listening on 127.0.0.1 only, without login: anyone on this machine can use it.");
        out.println("  Templates to import (Upload flow definition): " + home.templates());
        boolean defaultHome = home.path().equals(Path.of(System.getProperty("distribooze.server.home", ""))
                .toAbsolutePath());
        out.println("  Stop with Ctrl-C, or from another terminal: bin/nifi-server stop"
                + (defaultHome ? "" : " --home " + home.path()));
        out.flush();

        int exit = nifi.waitFor();
        boolean asked = stoppedOnRequest(exit);
        out.println(asked ? "NiFi stopped" : "NiFi ended by itself with exit code " + exit + ": see " + home.logs());
        return asked ? 0 : exit;
    }

    // SIGTERM and SIGINT (stop and Ctrl-C) end NiFi's JVM with 128 + the signal number: a clean stop.
    private static boolean stoppedOnRequest(int exit) {
        return exit == SIGTERM_EXIT || exit == SIGINT_EXIT;
    }

    private static void shutDown(NifiHome home, LocalNifi nifi, PrintStream out) {
        try {
            if (nifi.isAlive()) {
                out.println("Stopping NiFi...");
                LocalNifi.stop(ProcessHandle.of(nifi.pid()).orElseThrow());
            }
            Files.deleteIfExists(home.run().resolve(NIFI_PID));
            Files.deleteIfExists(home.run().resolve(LAUNCHER_PID));
        } catch (IOException | InterruptedException | RuntimeException e) {
            out.println("while stopping NiFi: " + e);
        }
    }

    private static int stop(NifiHome home, PrintStream out) throws IOException, InterruptedException {
        Optional<ProcessHandle> launcher = running(home, LAUNCHER_PID);
        Optional<ProcessHandle> nifi = running(home, NIFI_PID);
        if (launcher.isEmpty() && nifi.isEmpty()) {
            out.println("No NiFi runs from " + home.path());
            return 0;
        }
        // NiFi is stopped first: the launcher then sees it end as asked and exits with 0 by itself. Signalling the
        // launcher instead would end it with 143 however cleanly NiFi stopped.
        boolean clean = nifi.isEmpty() || !nifi.get().isAlive() || LocalNifi.stop(nifi.get()) == 0;
        if (launcher.isPresent()) {
            awaitOrStop(launcher.get(), out);
        }
        Files.deleteIfExists(home.run().resolve(NIFI_PID));
        Files.deleteIfExists(home.run().resolve(LAUNCHER_PID));
        out.println(clean ? "NiFi stopped" : "NiFi did not stop within " + LocalNifi.STOP_WAIT.toSeconds()
                + " s and was killed: see " + home.logs());
        return clean ? 0 : 1;
    }

    private static void awaitOrStop(ProcessHandle launcher, PrintStream out) throws InterruptedException {
        try {
            launcher.onExit().get(LAUNCHER_EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            out.println("The launcher (pid " + launcher.pid() + ") did not exit after NiFi stopped; stopping it");
            LocalNifi.stop(launcher);
        }
    }

    /** The process a pid file names, if it still runs and is a JVM (a pid can be reused after a crash). */
    private static Optional<ProcessHandle> running(NifiHome home, String pidFile) throws IOException {
        Path file = home.run().resolve(pidFile);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false));
    }

    private static void writePid(NifiHome home, String file, long pid) throws IOException {
        Files.writeString(home.run().resolve(file), pid + "\n", StandardCharsets.UTF_8);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run bin/nifi-server");
        }
        return value;
    }
}
