package org.distribooze.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A truth file of the shared captures: '#' header lines (name, tab, value), a column header line, then
 * one row per unidirectional flow as tshark saw it.
 */
public final class TruthFile {

    /** One flow row. For 'frag' rows {@code sourcePort} holds "id=0x..." and {@code destinationPort} "-". */
    public record Row(String l4, String source, String sourcePort, String destination, String destinationPort,
            int depth, long packets, long[] ipLengths, int[] frames, String notes) {

        public String flowKey() {
            return l4 + " " + source + " " + sourcePort + " > " + destination + " " + destinationPort;
        }

        public int firstFrame() {
            return frames[0];
        }
    }

    private final Map<String, String> header;
    private final List<Row> rows;

    private TruthFile(Map<String, String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static TruthFile read(Path file) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        boolean columnsSeen = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("# ")) {
                String[] field = line.substring(2).split("\t", 2);
                header.put(field[0], field.length > 1 ? field[1] : "");
            } else if (!columnsSeen) {
                columnsSeen = true;
            } else if (!line.isBlank()) {
                rows.add(parseRow(line));
            }
        }
        return new TruthFile(header, rows);
    }

    public String header(String name) {
        String value = header.get(name);
        if (value == null) {
            throw new IllegalArgumentException("truth file has no header line " + name);
        }
        return value;
    }

    public long headerCount(String name) {
        return Long.parseLong(header(name));
    }

    public List<Row> rows() {
        return rows;
    }

    private static Row parseRow(String line) {
        String[] c = line.split("\t", -1);
        long[] lengths = Arrays.stream(c[8].split(",")).mapToLong(Long::parseLong).toArray();
        int[] frames = Arrays.stream(c[10].split(",")).mapToInt(Integer::parseInt).toArray();
        return new Row(c[0], c[1], c[2], c[3], c[4], Integer.parseInt(c[5]), Long.parseLong(c[7]), lengths,
                frames, c[11]);
    }
}
