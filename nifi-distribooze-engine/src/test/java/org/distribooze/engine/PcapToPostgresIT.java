package org.distribooze.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * templates/pcap-to-postgres-and-alerts.json run by NiFi's Stateless engine against a real PostgreSQL, with the
 * tables of its .sql file; the rows and the alerts it writes are checked against the reference oracle.
 */
class PcapToPostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double ALERT_BELOW = 0.99;

    @TempDir
    Path work;

    @Test
    void storesEveryFlowAndClusterAndRaisesAlertsForNoiseAndLowSimilarity() throws Exception {
        Path capture = SharedData.capture("seed/ssh_27122.pcap");
        Map<String, JsonNode> oracle = FlowKeys.oracle(ReferenceOracle.flows(capture, 8.0, 5));
        Path in = Files.createDirectories(work.resolve("in"));
        Files.createSymbolicLink(in.resolve(capture.getFileName()), capture);

        try (LocalPostgres postgres = LocalPostgres.start();
             Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute(Files.readString(SharedData.templates().resolve("pcap-to-postgres-and-alerts.sql"),
                        StandardCharsets.UTF_8));
            }

            runTemplate(Map.of("input.directory", in.toString(), "capture.minimum.age", "0 sec",
                    "merge.minimum.flows", "1",
                    "failures.directory", work.resolve("failures").toString(),
                    "notices.directory", work.resolve("notices").toString(),
                    "alerts.directory", work.resolve("alerts").toString(),
                    "alert.similarity.below", String.valueOf(ALERT_BELOW),
                    "database.url", postgres.jdbcUrl(), "database.user", "postgres",
                    "jdbc.driver.location", jdbcDriver().toString()));

            Map<String, JsonNode> rows = FlowKeys.ours(flowRows(db));
            assertEquals(oracle.keySet(), rows.keySet());
            for (Map.Entry<String, JsonNode> flow : oracle.entrySet()) {
                JsonNode row = rows.get(flow.getKey());
                double distance = flow.getValue().path("distance").asDouble();
                assertArrayEquals(FlowKeys.longs(flow.getValue().path("counts")),
                        FlowKeys.longs(row.path("histogram")), flow.getKey());
                assertEquals(distance, row.path("distance").asDouble(), 1e-9, flow.getKey());
                assertEquals(similarity(distance), row.path("similarity").asDouble(), 1e-9, flow.getKey());
            }
            assertEquals(FlowKeys.partition(oracle), FlowKeys.partition(rows));
            assertEquals(FlowKeys.noise(oracle), FlowKeys.noise(rows));

            assertEquals(clusterSizes(oracle.values()), clusterRows(db));
            assertEquals(Set.of(1), Set.of(distinctBatches(db)));
        }

        assertEquals(expectedAlerts(oracle), FlowKeys.ours(alerts()).keySet());
        assertTrue(!Files.exists(work.resolve("failures")), "nothing failed");
        assertTrue(!Files.exists(work.resolve("notices")), "the capture was read whole");
    }

    private static void runTemplate(Map<String, String> parameters) throws Exception {
        StatelessRuntime runtime = StatelessRuntime.load(SharedData.nifi().resolve("nars"),
                SharedData.nifi().resolve("work"));
        try (FlowRun run = FlowRun.start(runtime, SharedData.templates().resolve("pcap-to-postgres-and-alerts.json"),
                parameters)) {
            run.trigger();
        }
    }

    private static Path jdbcDriver() throws Exception {
        try (Stream<Path> jars = Files.list(SharedData.nifi().resolve("jdbc"))) {
            return jars.filter(j -> j.getFileName().toString().startsWith("postgresql-")).findFirst().orElseThrow();
        }
    }

    private static JsonNode flowRows(Connection db) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        try (Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("SELECT src_ip, src_port, dst_ip, dst_port, histogram::text,"
                     + " cluster, distance, similarity FROM flows")) {
            while (rs.next()) {
                ObjectNode row = JSON.createObjectNode();
                row.put("src_ip", rs.getString(1));
                row.put("src_port", rs.getInt(2));
                row.put("dst_ip", rs.getString(3));
                row.put("dst_port", rs.getInt(4));
                row.set("histogram", JSON.readTree(rs.getString(5)));
                row.put("cluster", rs.getInt(6));
                row.put("distance", rs.getDouble(7));
                row.put("similarity", rs.getDouble(8));
                rows.add(row);
            }
        }
        return JSON.valueToTree(rows);
    }

    /**
     * How many clusters have each size, noise counted apart (as a negative size): cluster numbers may differ
     * between two correct DBSCAN runs, the sizes may not.
     */
    private static Map<Integer, Integer> clusterSizes(Iterable<JsonNode> flows) {
        Map<Integer, Integer> sizes = new TreeMap<>();
        for (JsonNode flow : flows) {
            sizes.merge(flow.path("cluster").asInt(), 1, Integer::sum);
        }
        Map<Integer, Integer> histogram = new TreeMap<>();
        sizes.forEach((cluster, size) -> histogram.merge(cluster < 0 ? -size : size, 1, Integer::sum));
        return histogram;
    }

    private static Map<Integer, Integer> clusterRows(Connection db) throws Exception {
        Map<Integer, Integer> histogram = new TreeMap<>();
        try (Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("SELECT cluster, flows FROM clusters")) {
            while (rs.next()) {
                int size = rs.getInt(2);
                histogram.merge(rs.getInt(1) < 0 ? -size : size, 1, Integer::sum);
            }
        }
        return histogram;
    }

    private static int distinctBatches(Connection db) throws Exception {
        try (Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("SELECT count(DISTINCT batch) FROM"
                     + " (SELECT batch FROM flows UNION ALL SELECT batch FROM clusters) b")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    // Similarity as ClusterFlows documents it: 1 - distance / (100 * sqrt 2), from the oracle's own distance.
    private static double similarity(double distance) {
        return 1 - distance / (100 * Math.sqrt(2));
    }

    private static Set<String> expectedAlerts(Map<String, JsonNode> oracle) {
        Set<String> alerts = new HashSet<>();
        oracle.forEach((key, flow) -> {
            if (flow.path("cluster").asInt() < 0 || similarity(flow.path("distance").asDouble()) < ALERT_BELOW) {
                alerts.add(key);
            }
        });
        return alerts;
    }

    private JsonNode alerts() throws Exception {
        List<Path> files = Folders.files(work.resolve("alerts"));
        assertEquals(1, files.size(), files.toString());
        return JSON.readTree(files.get(0).toFile());
    }
}
