package org.distribooze.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file of known classes per unidirectional TCP flow, as the shared label files hold them: comment lines starting
 * with {@code #} (the first names the capture, {@code # capture=NAME: ...}), a header line, then tab-separated
 * {@code src sport dst dport packets label ...}, addresses as the extraction writes them.
 */
final class LabelFile {

    /** A flow's class and the packets the labelling tool counted in it. */
    record Label(String label, long packets) {
    }

    private final String capture;
    private final Map<String, Label> byFlow;

    private LabelFile(String capture, Map<String, Label> byFlow) {
        this.capture = capture;
        this.byFlow = byFlow;
    }

    static LabelFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String capture = null;
        Map<String, Label> byFlow = new HashMap<>();

        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                if (capture == null && line.startsWith("# capture=")) {
                    int end = line.indexOf(':');
                    capture = line.substring("# capture=".length(), end < 0 ? line.length() : end).strip();
                }
                continue;
            }
            if (line.isBlank() || line.startsWith("src\t")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < 6) {
                throw new IOException(file + " line " + (i + 1) + ": expected src, sport, dst, dport, packets and"
                        + " label separated by tabs, got: " + line);
            }
            try {
                byFlow.put(key(fields[0], Integer.parseInt(fields[1]), fields[2], Integer.parseInt(fields[3])),
                        new Label(fields[5], Long.parseLong(fields[4])));
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + (i + 1) + ": a port or packet count is not a number: " + line,
                        e);
            }
        }

        String name = file.getFileName().toString();
        return new LabelFile(capture != null ? capture : name.replaceFirst("\\.tsv$", ""), byFlow);
    }

    static String key(String source, int sourcePort, String destination, int destinationPort) {
        return source + " " + sourcePort + " " + destination + " " + destinationPort;
    }

    /** The capture the labels are for, as the file's first comment names it (else the file's name). */
    String capture() {
        return capture;
    }

    Optional<Label> of(String flowKey) {
        return Optional.ofNullable(byFlow.get(flowKey));
    }

    int size() {
        return byFlow.size();
    }
}
