package org.distribooze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateTest {

    @TempDir
    Path temp;

    @Test
    void givenFlowsAndLabels_whenScored_thenOneRowWithNoiseAsSingletonsAndUnlabelledLeftOut() throws IOException {
        Path labels = temp.resolve("labels.tsv");
        Files.writeString(labels, String.join("\n",
                "# capture=tiny: hand-made",
                "src\tsport\tdst\tdport\tpackets\tlabel\tndpi_confidence",
                "192.0.2.1\t40001\t198.51.100.1\t80\t5\tHTTP/client\tDPI",
                "192.0.2.1\t40002\t198.51.100.1\t80\t5\tHTTP/client\tDPI",
                "192.0.2.1\t40003\t198.51.100.1\t22\t7\tSSH/client\tDPI",
                "192.0.2.1\t40004\t198.51.100.1\t22\t7\tSSH/client\tDPI", ""));
        // A JSON array, as ClusterFlows' JSON writer makes it: both HTTP flows in cluster 0, one SSH flow in it too,
        // the other SSH flow noise, and a flow the labels do not know.
        Path flows = temp.resolve("flows.json");
        Files.writeString(flows, "[" + String.join(",",
                flow(40001, 80, 5, 0), flow(40002, 80, 5, 0), flow(40003, 22, 7, 0), flow(40004, 22, 7, -1),
                flow(40005, 443, 3, 1)) + "]");

        Run run = Run.of("--flows", flows.toString(), "--labels", labels.toString());

        assertEquals(0, run.exitCode(), run.err());
        // Clusters {H, H, S} and {S}. H(class) = ln 2 = 0.6931, H(cluster) = -(3/4 ln 3/4 + 1/4 ln 1/4) = 0.5623,
        // mutual information 1/2 ln(4/3) + 1/4 ln(2/3) + 1/4 ln 2 = 0.2158: homogeneity 0.2158 / 0.6931 = 0.311,
        // completeness 0.2158 / 0.5623 = 0.384. Ordered pairs: together in both 2, in the classes only 2, in the
        // clusters only 4, apart in both 4: ARI 2 (2 * 4 - 2 * 4) / ... = 0. Purity (2 + 1) / 4.
        Map<String, String> row = run.rows().get(0);
        assertEquals("4", row.get("labelled"));
        assertEquals("1", row.get("clusters"));
        assertEquals("1", row.get("noise"));
        assertEquals("0.311", row.get("homogeneity"));
        assertEquals("0.384", row.get("completeness"));
        assertEquals("0.000", row.get("adjusted Rand"));
        assertEquals("0.750", row.get("purity"));
        assertTrue(run.out().contains("Flows without a label are clustered but not scored: up to 1 per row."),
                run.out());
    }

    @Test
    void givenFlowsOfAnotherCapture_whenScored_thenRefusedRatherThanScoredPerfect() throws IOException {
        Path labels = temp.resolve("labels.tsv");
        Files.writeString(labels, String.join("\n",
                "# capture=tiny: hand-made",
                "src\tsport\tdst\tdport\tpackets\tlabel\tndpi_confidence",
                "192.0.2.1\t40001\t198.51.100.1\t80\t5\tHTTP/client\tDPI", ""));
        Path flows = temp.resolve("flows.json");
        Files.writeString(flows, "[" + flow(40009, 443, 3, 0) + "]");

        Run run = Run.of("--flows", flows.toString(), "--labels", labels.toString());

        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("has a label in"), run.err());
    }

    /*
     * The measurements of the original tool's defaults on real50 (42 clusters, homogeneity 0.98,
     * completeness 0.36, adjusted Rand 0.49, noise as singletons) and its goals for the new defaults (homogeneity
     * 0.95 or more, completeness 0.7 or more, adjusted Rand 0.8 or more; on every other labelled capture a
     * homogeneity no worse than the original's).
     */
    @Test
    void givenEveryLabelledCapture_whenEvaluated_thenTheOriginalAsMeasuredAndTheDefaultMeetsTheGoals() {
        Run run = Run.of("--shared", TestData.shared().toString());

        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, String>> rows = run.rows();
        assertEquals(8, rows.size(), "two rows for each of the four labelled captures: " + run.out());
        Map<String, String> original = rows.get(0);
        Map<String, String> defaults = rows.get(1);
        assertEquals("real50", original.get("capture"));
        assertTrue(original.get("mode").startsWith("original"), original.toString());
        assertEquals("42", original.get("clusters"));
        assertEquals(0.98, number(original, "homogeneity"), 0.005);
        assertEquals(0.36, number(original, "completeness"), 0.005);
        assertEquals(0.49, number(original, "adjusted Rand"), 0.006);
        assertTrue(defaults.get("mode").startsWith("default"), defaults.toString());
        assertTrue(number(defaults, "homogeneity") >= 0.95, defaults.toString());
        assertTrue(number(defaults, "completeness") >= 0.7, defaults.toString());
        assertTrue(number(defaults, "adjusted Rand") >= 0.8, defaults.toString());
        for (int r = 2; r < rows.size(); r += 2) {
            assertEquals(rows.get(r).get("capture"), rows.get(r + 1).get("capture"));
            assertTrue(number(rows.get(r + 1), "homogeneity") >= number(rows.get(r), "homogeneity"),
                    rows.get(r + 1) + " against " + rows.get(r));
        }
    }

    private static double number(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    private static String flow(int sourcePort, int destinationPort, int packets, int cluster) {
        return "{\"src_ip\": \"192.0.2.1\", \"src_port\": " + sourcePort + ", \"dst_ip\": \"198.51.100.1\", "
                + "\"dst_port\": " + destinationPort + ", \"packets\": " + packets + ", \"cluster\": " + cluster + "}";
    }

    private record Run(int exitCode, String out, String err) {

        static Run of(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exitCode = Evaluate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        /** The Markdown table's rows, by column name. */
        List<Map<String, String>> rows() {
            List<String> lines = out.lines().filter(line -> line.startsWith("|")).toList();
            String[] header = cells(lines.get(0));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(2, lines.size())) {
                String[] cells = cells(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        }

        private static String[] cells(String line) {
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            return cells;
        }
    }
}
