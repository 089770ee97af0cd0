package org.distribooze.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Flows keyed by their 4-tuple, so that the engine's output and the oracle's can be laid side by side. */
final class FlowKeys {

    private FlowKeys() {
    }

    static Map<String, JsonNode> ours(JsonNode flows) throws IOException {
        return byKey(flows, "src_ip", "src_port", "dst_ip", "dst_port");
    }

    static Map<String, JsonNode> oracle(Iterable<JsonNode> flows) throws IOException {
        return byKey(flows, "src", "sport", "dst", "dport");
    }

    private static Map<String, JsonNode> byKey(Iterable<JsonNode> flows, String src, String sport, String dst,
            String dport) throws IOException {
        Map<String, JsonNode> keyed = new HashMap<>();
        for (JsonNode flow : flows) {
            String key = address(flow.path(src).asText()) + ":" + flow.path(sport).asInt() + ">"
                    + address(flow.path(dst).asText()) + ":" + flow.path(dport).asInt();
            assertTrue(keyed.put(key, flow) == null, "two flows " + key);
        }
        return keyed;
    }

    // Both sides may print an IPv6 address differently; the address itself is what counts.
    private static String address(String text) throws IOException {
        return InetAddress.getByName(text).getHostAddress();
    }

    static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }

    /** The clusters as sets of flows, whatever their numbers; noise left out. */
    static Set<Set<String>> partition(Map<String, JsonNode> flows) {
        Map<Integer, Set<String>> clusters = new HashMap<>();
        flows.forEach((key, flow) -> {
            int cluster = flow.path("cluster").asInt();
            if (cluster >= 0) {
                clusters.computeIfAbsent(cluster, c -> new HashSet<>()).add(key);
            }
        });
        return new HashSet<>(clusters.values());
    }

    static Set<String> noise(Map<String, JsonNode> flows) {
        Set<String> noise = new HashSet<>();
        flows.forEach((key, flow) -> {
            if (flow.path("cluster").asInt() < 0) {
                noise.add(key);
            }
        });
        return noise;
    }
}
