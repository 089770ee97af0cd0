package org.distribooze.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The short report printed after a run: per batch, its flows and one line per cluster; then the captures read only
 * in part or past Maximum Flows (the batch holds some of their flows, not all) or without a flow; then the
 * failures; then the captures that were given another name in the inbox, and why.
 */
final class ClusterReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** ExtractFlowHistograms' skip counters, in the words the report uses for them. */
    private static final Map<String, String> SKIPPED = new LinkedHashMap<>();

    static {
        SKIPPED.put("packets.skipped.not.ip", "not IP");
        SKIPPED.put("packets.skipped.other.transport", "of another transport");
        SKIPPED.put("packets.skipped.unattributed.fragment", "later fragments of unseen first fragments");
        SKIPPED.put("packets.skipped.cut.short", "cut short before their ports");
        SKIPPED.put("packets.skipped.flow.limit", "past Maximum Flows");
    }

    private ClusterReport() {
    }

    /**
     * Prints the report. {@code renamed} holds the captures that took another name in the inbox (a name shared with
     * another capture, or one ListFile would skip or NiFi could not write beside): the flows, notices and failures
     * use that name, so the report says which file it stands for.
     */
    static void print(RunOutputs outputs, Map<String, CaptureInbox.Renamed> renamed, PrintStream out)
            throws IOException {
        if (outputs.newClusters().isEmpty()) {
            out.println("nothing clustered: no capture gave a flow");
            out.println();
        }
        for (Path clusters : outputs.newClusters()) {
            Path flows = outputs.flows().resolve(clusters.getFileName());
            printBatch(JSON.readTree(flows.toFile()), JSON.readTree(clusters.toFile()), out);
            out.println("flows:    " + flows);
            out.println("clusters: " + clusters);
            out.println();
        }
        for (Path notice : outputs.newNotices()) {
            for (String line : notices(JSON.readTree(notice.toFile()))) {
                out.println(line + "  (" + notice + ")");
            }
        }
        for (Path reason : outputs.newFailureReasons()) {
            out.println("failed:   " + failure(JSON.readTree(reason.toFile())) + "  (" + reason + ")");
        }
        renamed.forEach((name, why) -> out.println("renamed:  " + name + " is " + why.file()
                + " (" + why.reason() + ")"));
    }

    private static void printBatch(JsonNode flows, JsonNode clusters, PrintStream out) {
        Map<String, Integer> perCapture = new TreeMap<>();
        for (JsonNode flow : flows) {
            perCapture.merge(flow.path("capture_file").asText(), 1, Integer::sum);
        }
        int noise = 0;
        int clusterCount = 0;
        for (JsonNode cluster : clusters) {
            if (cluster.path("cluster").asInt() < 0) {
                noise = cluster.path("flows").asInt();
            } else {
                clusterCount++;
            }
        }
        JsonNode first = clusters.path(0);
        out.printf(Locale.ROOT, "%d flows from %d capture%s: %d cluster%s, %d noise flows"
                + " (epsilon %s, minimum points %s)%n", flows.size(), perCapture.size(),
                perCapture.size() == 1 ? "" : "s", clusterCount, clusterCount == 1 ? "" : "s", noise,
                first.path("epsilon").asText("?"), first.path("min_points").asText("?"));
        perCapture.forEach((capture, count) -> out.printf(Locale.ROOT, "  %6d flows  %s%n", count, capture));
        out.println();
        out.printf(Locale.ROOT, "%8s %7s %10s %14s %13s%n", "cluster", "flows", "packets", "mean distance",
                "max distance");
        for (JsonNode cluster : clusters) {
            int id = cluster.path("cluster").asInt();
            out.printf(Locale.ROOT, "%8s %7d %10d %14.2f %13.2f%n", id < 0 ? "noise" : String.valueOf(id),
                    cluster.path("flows").asInt(), cluster.path("packets").asLong(),
                    cluster.path("mean_distance").asDouble(), cluster.path("max_distance").asDouble());
        }
    }

    /**
     * One line per reason for the notice: cut short or stopped at a corrupt record, past the limit, no flow (then
     * where its packets went, as no flow means none was counted).
     */
    private static List<String> notices(JsonNode notice) {
        String file = notice.path("notice.file").asText("?");
        List<String> lines = new ArrayList<>();
        if (notice.path("capture.truncated").asText().equals("true")) {
            lines.add("read in part: " + file + ": " + notice.path("capture.truncation.reason").asText("?"));
        }
        if (notice.path("flows.limit.reached").asText().equals("true")) {
            lines.add("flow limit:   " + file + ": " + notice.path("packets.skipped.flow.limit").asText("?")
                    + " packets of flows past Maximum Flows skipped");
        }
        if (notice.path("packets.counted").asText().equals("0")) {
            lines.add("no flows:     " + file + ": none of its " + notice.path("packets.read").asText("?")
                    + " packets made a flow" + skipped(notice));
        }
        return lines;
    }

    private static String skipped(JsonNode notice) {
        StringBuilder text = new StringBuilder();
        SKIPPED.forEach((attribute, meaning) -> {
            long packets = notice.path(attribute).asLong();
            if (packets > 0) {
                text.append(text.isEmpty() ? " (" : ", ").append(packets).append(' ').append(meaning);
            }
        });
        return text.isEmpty() ? "" : text.append(')').toString();
    }

    private static String failure(JsonNode reason) {
        StringBuilder text = new StringBuilder(reason.path("failed.file").asText("?"));
        reason.fields().forEachRemaining(field -> {
            if (field.getKey().endsWith(".failure.reason")) {
                text.append(": ").append(field.getValue().asText());
            }
        });
        return text.toString();
    }
}
