package org.distribooze.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real NiFi 2.3.0 server started by the nifi-server launcher on free loopback ports: pcap-to-clusters imported
 * through the REST API the way the UI's "Upload flow definition" does, its services enabled and its processors
 * started, then two captures dropped into its input folder and the one batch of files it writes checked against
 * the reference oracle; last, "nifi-server stop" ends NiFi and the launcher cleanly.
 */
class LocalServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UP = "NiFi is up: ";
    private static final Duration STOPPED = Duration.ofMinutes(2);
    private static final Duration OUTPUT = Duration.ofMinutes(2);

    @TempDir
    Path work;

    @Test
    void importsPcapToClustersAndClustersTwoDroppedCapturesInOneBatch() throws Exception {
        Path homeFolder = work.resolve("home");
        long start = System.nanoTime();
        Process launcher = launch("start", "--home", homeFolder.toString(), "--port", "0");
        BufferedReader console = launcher.inputReader(StandardCharsets.UTF_8);
        try {
            URI url = awaitUp(console);
            System.out.printf("NiFi answered after %.1f s%n", (System.nanoTime() - start) / 1e9);
            NifiRest rest = new NifiRest(url.resolve("/nifi-api/"));

            Set<String> ours = new HashSet<>();
            rest.get("flow/processor-types?bundleGroupFilter=org.distribooze").path("processorTypes")
                    .forEach(t -> ours.add(t.path("type").asText()));
            assertEquals(Set.of("org.distribooze.nifi.ExtractFlowHistograms", "org.distribooze.nifi.ClusterFlows"),
                    ours);

            Path in = Files.createDirectories(work.resolve("in"));
            String group = importTemplate(rest, NifiHome.at(homeFolder), Map.of("input.directory", in.toString(),
                    "flows.directory", work.resolve("flows").toString(),
                    "clusters.directory", work.resolve("clusters").toString(),
                    "failures.directory", work.resolve("failures").toString(),
                    "notices.directory", work.resolve("notices").toString(),
                    "capture.minimum.age", "1 sec", "merge.maximum.wait", "5 sec"));
            enableServicesAndStart(rest, group);

            // Two captures dropped together are clustered in one batch once its wait is over.
            Map<String, Set<String>> expected = new TreeMap<>();
            for (String name : List.of("ssh_27122.pcap", "doh_luca.pcap")) {
                Path capture = shared().resolve("pcaps/seed").resolve(name);
                expected.put(name, oracleFlowKeys(capture));
                Files.copy(capture, in.resolve(name));
            }
            Path flows = awaitFile(work.resolve("flows"));
            Path clusters = awaitFile(work.resolve("clusters"));

            assertEquals(flows.getFileName(), clusters.getFileName());
            assertEquals(List.of(flows), finishedFiles(work.resolve("flows")));
            JsonNode flowRecords = JSON.readTree(flows.toFile());
            assertEquals(expected, flowKeysByCapture(flowRecords));
            int clustered = 0;
            for (JsonNode cluster : JSON.readTree(clusters.toFile())) {
                clustered += cluster.path("flows").asInt();
            }
            assertEquals(flowRecords.size(), clustered);
        } finally {
            // "nifi-server stop" from another terminal, as the launcher's banner says.
            long stopping = System.nanoTime();
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            int stopExit = ServerCommand.run(new String[] {"stop", "--home", homeFolder.toString()},
                    new PrintStream(said, true, StandardCharsets.UTF_8), System.err);
            assertTrue(launcher.waitFor(STOPPED.toSeconds(), TimeUnit.SECONDS), "the launcher ends after stop");
            System.out.printf("NiFi stopped in %.1f s%n", (System.nanoTime() - stopping) / 1e9);

            assertEquals(0, stopExit, said.toString(StandardCharsets.UTF_8));
            assertEquals("NiFi stopped", said.toString(StandardCharsets.UTF_8).strip());
        }
        assertEquals(0, launcher.exitValue(), "a clean stop ends the launcher with 0");
        assertTrue(console.lines().anyMatch("NiFi stopped"::equals), "the launcher says NiFi stopped");
        try (Stream<Path> pidFiles = Files.list(NifiHome.at(homeFolder).run())) {
            assertEquals(List.of(), pidFiles.filter(f -> f.toString().endsWith(".pid")).toList());
        }
    }

    /** bin/nifi-server in a JVM of its own, with this test's class path. */
    private static Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx64m",
                "-Ddistribooze.server.parts=" + folder("distribooze.server.parts"),
                "-Ddistribooze.templates.dir=" + folder("distribooze.templates.dir"),
                "-cp", System.getProperty("java.class.path"), ServerCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Echoes the launcher's console until it says where NiFi listens. */
    private static URI awaitUp(BufferedReader console) throws IOException {
        String line;
        while ((line = console.readLine()) != null) {
            System.out.println("nifi-server: " + line);
            if (line.startsWith(UP)) {
                return URI.create(line.substring(UP.length()).trim());
            }
        }
        throw new AssertionError("the launcher ended before NiFi was up");
    }

    /** Uploads the server home's copy of the template with its parameters set, and checks every part is valid. */
    private static String importTemplate(NifiRest rest, NifiHome home, Map<String, String> parameters)
            throws IOException, InterruptedException {
        JsonNode definition = JSON.readTree(home.templates().resolve("pcap-to-clusters.json").toFile());
        for (JsonNode parameter : definition.path("parameterContexts").path("pcap-to-clusters").path("parameters")) {
            String value = parameters.get(parameter.path("name").asText());
            if (value != null) {
                ((ObjectNode) parameter).put("value", value);
            }
        }
        String root = rest.get("flow/process-groups/root").path("processGroupFlow").path("id").asText();
        return rest.upload(root, "pcap-to-clusters", JSON.writeValueAsBytes(definition)).path("id").asText();
    }

    private static void enableServicesAndStart(NifiRest rest, String group) throws Exception {
        rest.put("flow/process-groups/" + group + "/controller-services", Map.of("id", group, "state", "ENABLED"));
        awaitTrue(() -> {
            for (JsonNode service : rest.get("flow/process-groups/" + group + "/controller-services")
                    .path("controllerServices")) {
                if (!service.path("component").path("state").asText().equals("ENABLED")) {
                    return false;
                }
            }
            return true;
        }, "controller services enabled");

        // A property name the processor does not know would show here as an invalid processor.
        awaitTrue(() -> invalidProcessors(rest, group).isEmpty(), "processors valid");
        rest.put("flow/process-groups/" + group, Map.of("id", group, "state", "RUNNING"));
    }

    private static List<String> invalidProcessors(NifiRest rest, String group) throws Exception {
        List<String> invalid = new ArrayList<>();
        for (JsonNode processor : rest.get("flow/process-groups/" + group).path("processGroupFlow").path("flow")
                .path("processors")) {
            JsonNode component = processor.path("component");
            if (!component.path("validationStatus").asText().equals("VALID")) {
                invalid.add(component.path("name").asText() + ": " + component.path("validationErrors"));
            }
        }
        return invalid;
    }

    private static Map<String, Set<String>> flowKeysByCapture(JsonNode flows) {
        Map<String, Set<String>> keys = new TreeMap<>();
        flows.forEach(f -> keys.computeIfAbsent(f.path("capture_file").asText(), c -> new HashSet<>())
                .add(f.path("src_ip").asText() + ":" + f.path("src_port").asInt() + ">"
                        + f.path("dst_ip").asText() + ":" + f.path("dst_port").asInt()));
        return keys;
    }

    private static Set<String> oracleFlowKeys(Path capture) throws IOException, InterruptedException {
        Process oracle = new ProcessBuilder("/usr/bin/python3", shared().resolve("reference/reference.py").toString(),
                "--no-cluster", capture.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(oracle.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, oracle.waitFor());
        Set<String> keys = new HashSet<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                JsonNode f = JSON.readTree(line);
                keys.add(f.path("src").asText() + ":" + f.path("sport").asInt() + ">" + f.path("dst").asText() + ":"
                        + f.path("dport").asInt());
            }
        }
        assertFalse(keys.isEmpty());
        return keys;
    }

    /** The first finished file in a folder: PutFile writes under a dot name and renames when done. */
    private static Path awaitFile(Path folder) throws Exception {
        long deadline = System.nanoTime() + OUTPUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Path> done = finishedFiles(folder);
            if (!done.isEmpty()) {
                return done.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("nothing written to " + folder + " within " + OUTPUT);
    }

    private static List<Path> finishedFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static void awaitTrue(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.passes()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not " + what + " within 60 s");
    }

    private interface Check {
        boolean passes() throws Exception;
    }

    private static Path shared() {
        return folder("distribooze.shared.dir");
    }

    private static Path folder(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && Files.isDirectory(Path.of(value)), property + " must name a folder: " + value);
        return Path.of(value);
    }
}
