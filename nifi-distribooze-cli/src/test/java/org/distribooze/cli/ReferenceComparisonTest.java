package org.distribooze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command against the independent Python oracle on the seed captures, flows matched by 4-tuple. */
class ReferenceComparisonTest {

    private static final double TOLERANCE = 1e-9;
    private static final int BINS = 48;
    private static final Pattern FLOW_LINE = Pattern.compile("^ {2}(\\S+) +(\\S+):(\\d+) -> (\\S+):(\\d+) +TCP"
            + " +(\\d+) packets? +cluster +(-?\\d+) +distance (\\d+\\.\\d{3})$");
    private static final Pattern HEADING = Pattern.compile("^(cluster (\\d+)|noise): (\\d+) flows?, (\\d+) packets?$");

    @ParameterizedTest
    @ValueSource(strings = {"ssh_27122.pcap", "doh_luca.pcap", "bittorrent.pcap"})
    void givenSeedCapture_whenJsonLinesWritten_thenFlowsPartitionAndDistancesMatchTheOracle(String name)
            throws IOException, InterruptedException {
        Path capture = TestData.seed(name);
        Map<String, JsonNode> expected = byFourTuple(ReferenceOracle.flows(capture), "src", "sport", "dst", "dport");

        CliRun run = CliRun.of("--json", "-", capture.toString());

        assertEquals(0, run.exitCode(), run.err());
        Map<String, JsonNode> actual = byFourTuple(run.jsonLines(), "src_ip", "src_port", "dst_ip", "dst_port");
        assertEquals(expected.keySet(), actual.keySet());
        Map<Integer, Integer> oursToOracle = new HashMap<>();
        Map<Integer, Integer> oracleToOurs = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : expected.entrySet()) {
            JsonNode want = entry.getValue();
            JsonNode got = actual.get(entry.getKey());
            String flow = entry.getKey();
            assertEquals(want.get("packets").asLong(), got.get("packets").asLong(), flow);
            assertEquals(want.get("counts").toString(), got.get("histogram").toString(), flow);
            assertEquals("TCP", got.get("transport").asText(), flow);
            assertEquals(want.get("distance").asDouble(), got.get("distance").asDouble(), TOLERANCE, flow);
            double similarity = 1 - want.get("distance").asDouble() / (100 * Math.sqrt(2));
            assertEquals(similarity, got.get("similarity").asDouble(), TOLERANCE, flow);
            pairLabels(got.get("cluster").asInt(), want.get("cluster").asInt(), oursToOracle, oracleToOurs, flow);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"doh_luca.pcap", "bittorrent.pcap"})
    void givenSeedCapture_whenReported_thenEachBlockIsOneOracleClusterWithItsAverageDistribution(String name)
            throws IOException, InterruptedException {
        Path capture = TestData.seed(name);
        Map<String, JsonNode> expected = byFourTuple(ReferenceOracle.flows(capture), "src", "sport", "dst", "dport");

        CliRun run = CliRun.of(capture.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<Block> blocks = blocks(run.out());
        Set<Integer> oracleClusters = new TreeSet<>();
        for (JsonNode flow : expected.values()) {
            oracleClusters.add(flow.get("cluster").asInt());
        }
        assertEquals(oracleClusters.size(), blocks.size(), run.out());
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            assertEquals(block.noise(), i == blocks.size() - 1 && oracleClusters.contains(-1),
                    "the noise group comes last, and only it: " + block.heading());
            checkBlock(block, expected);
        }
    }

    private static void checkBlock(Block block, Map<String, JsonNode> expected) {
        assertFalse(block.flows().isEmpty(), block.heading());
        int oracleCluster = expected.get(block.flows().keySet().iterator().next()).get("cluster").asInt();
        assertEquals(block.noise(), oracleCluster == -1, block.heading());
        List<JsonNode> members = new ArrayList<>();
        for (JsonNode flow : expected.values()) {
            if (flow.get("cluster").asInt() == oracleCluster) {
                members.add(flow);
            }
        }

        assertEquals(members.size(), block.flows().size(), block.heading());
        long packets = 0;
        double[] centroid = new double[BINS];
        for (JsonNode member : members) {
            String key = fourTuple(member, "src", "sport", "dst", "dport");
            ReportedFlow reported = block.flows().get(key);
            assertNotNull(reported, "oracle flow " + key + " missing from " + block.heading());
            assertEquals(member.get("packets").asLong(), reported.packets(), key);
            assertEquals(block.label(), reported.cluster(), key);
            String distance = String.format(Locale.ROOT, "%.3f", member.get("distance").asDouble());
            assertEquals(distance, reported.distance(), key);
            packets += member.get("packets").asLong();
            for (int bin = 0; bin < BINS; bin++) {
                centroid[bin] += member.get("counts").get(bin).asDouble() * 100 / member.get("packets").asDouble()
                        / members.size();
            }
        }
        assertEquals(packets, block.packets(), block.heading());
        assertEquals("  distribution " + expectedDistribution(centroid), block.distribution(), block.heading());
    }

    /** The documented form, worked out here from the oracle's counts: non-empty bins only, one decimal. */
    private static String expectedDistribution(double[] centroid) {
        List<String> bins = new ArrayList<>();
        for (int bin = 0; bin < BINS; bin++) {
            if (centroid[bin] > 0) {
                String range = bin == BINS - 1 ? "1504+" : (bin * 32) + "-" + (bin * 32 + 31);
                String share = centroid[bin] < 0.05 ? "<0.1%" : String.format(Locale.ROOT, "%.1f%%", centroid[bin]);
                bins.add(range + ":" + share);
            }
        }
        return String.join(" ", bins);
    }

    private static void pairLabels(int ours, int oracle, Map<Integer, Integer> oursToOracle,
                                   Map<Integer, Integer> oracleToOurs, String flow) {
        assertEquals(oracle == -1, ours == -1, "noise in one and not the other: " + flow);
        assertEquals(oracle, oursToOracle.computeIfAbsent(ours, label -> oracle), "split cluster at " + flow);
        assertEquals(ours, oracleToOurs.computeIfAbsent(oracle, label -> ours), "merged clusters at " + flow);
    }

    private static Map<String, JsonNode> byFourTuple(List<JsonNode> flows, String src, String sport, String dst,
                                                     String dport) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode flow : flows) {
            String key = fourTuple(flow, src, sport, dst, dport);
            assertEquals(null, byKey.put(key, flow), "4-tuple seen twice: " + key);
        }
        return byKey;
    }

    private static String fourTuple(JsonNode flow, String src, String sport, String dst, String dport) {
        return flow.get(src).asText() + " " + flow.get(sport).asInt() + " " + flow.get(dst).asText() + " "
                + flow.get(dport).asInt();
    }

    /** One cluster's part of the report: heading, distribution line, flow lines by 4-tuple. */
    private record Block(String heading, boolean noise, int label, long packets, String distribution,
                         Map<String, ReportedFlow> flows) {
    }

    private record ReportedFlow(long packets, int cluster, String distance) {
    }

    private static List<Block> blocks(String report) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = report.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher heading = HEADING.matcher(lines[i]);
            if (!heading.matches()) {
                continue;
            }
            boolean noise = heading.group(2) == null;
            Map<String, ReportedFlow> flows = new LinkedHashMap<>();
            int next = i + 2;
            for (; next < lines.length && !lines[next].isEmpty(); next++) {
                Matcher flow = FLOW_LINE.matcher(lines[next]);
                assertTrue(flow.matches(), "not a flow line: " + lines[next]);
                flows.put(unbracket(flow.group(2)) + " " + flow.group(3) + " " + unbracket(flow.group(4)) + " "
                        + flow.group(5), new ReportedFlow(Long.parseLong(flow.group(6)),
                        Integer.parseInt(flow.group(7)), flow.group(8)));
            }
            assertEquals(Integer.parseInt(heading.group(3)), flows.size(), lines[i]);
            blocks.add(new Block(lines[i], noise, noise ? -1 : Integer.parseInt(heading.group(2)),
                    Long.parseLong(heading.group(4)), lines[i + 1], flows));
            i = next - 1;
        }
        return blocks;
    }

    private static String unbracket(String address) {
        return address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
    }
}
