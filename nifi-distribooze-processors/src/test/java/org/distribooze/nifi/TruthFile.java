package org.distribooze.nifi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tshark's view of one capture (../shared/pcaps/truth/*.tsv): "# key value" header lines, then one row per
 * unidirectional flow with its IP lengths in packet order. Non-first fragments are rows of their own (l4 "frag").
 */
final class TruthFile {

    record Row(String l4, String source, String sourcePort, String destination, String destinationPort, int depth,
               long packets, long[] ipLengths) {
    }

    private final Map<String, String> headers;
    private final List<Row> rows;

    private TruthFile(Map<String, String> headers, List<Row> rows) {
        this.headers = headers;
        this.rows = rows;
    }

    static TruthFile read(Path file) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
            if (line.startsWith("# ")) {
                String[] keyValue = line.substring(2).split("\t", 2);
                headers.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            } else if (!line.isBlank() && !line.startsWith("l4\t")) {
                rows.add(row(line.split("\t")));
            }
        }
        return new TruthFile(headers, rows);
    }

    private static Row row(String[] columns) {
        long[] lengths = Arrays.stream(columns[8].split(",")).mapToLong(Long::parseLong).toArray();
        Row row = new Row(columns[0], columns[1], columns[2], columns[3], columns[4], Integer.parseInt(columns[5]),
                Long.parseLong(columns[7]), lengths);
        if (row.packets() != lengths.length) {
            throw new IllegalStateException("truth row lists " + lengths.length + " lengths for " + row.packets()
                    + " packets: " + String.join("\t", columns));
        }
        return row;
    }

    String header(String key) {
        String value = headers.get(key);
        if (value == null) {
            throw new IllegalStateException("truth file has no header " + key);
        }
        return value;
    }

    long count(String key) {
        return Long.parseLong(header(key));
    }

    List<Row> rows() {
        return rows;
    }
}
