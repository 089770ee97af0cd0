package org.distribooze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The -t option against tshark's truth, and timestamps against the capture's own record headers. */
class TruthAndTimestampsTest {

    private static final int LAST_BIN = 47;

    @ParameterizedTest
    @CsvSource({"udp, udp", "both, tcp udp"})
    void givenTransportChoice_whenRun_thenExactlyTsharksFlowsOfThoseTransportsAppear(String choice, String kinds)
            throws IOException {
        String capture = "ssh_27122.pcap";
        Map<String, long[]> truth = truthHistograms(capture, List.of(kinds.split(" ")));

        CliRun run = CliRun.of("-t", choice, "--json", "-", TestData.seed(capture).toString());

        assertEquals(0, run.exitCode(), run.err());
        Map<String, long[]> actual = new HashMap<>();
        for (JsonNode flow : run.jsonLines()) {
            long[] histogram = new long[LAST_BIN + 1];
            for (int bin = 0; bin <= LAST_BIN; bin++) {
                histogram[bin] = flow.get("histogram").get(bin).asLong();
            }
            String transport = flow.get("transport").asText().toLowerCase(Locale.ROOT);
            actual.put(transport + " " + flow.get("src_ip").asText() + " " + flow.get("src_port").asInt() + " "
                    + flow.get("dst_ip").asText() + " " + flow.get("dst_port").asInt(), histogram);
        }
        assertEquals(truth.keySet(), actual.keySet());
        for (Map.Entry<String, long[]> flow : truth.entrySet()) {
            assertEquals(List.of(box(flow.getValue())), List.of(box(actual.get(flow.getKey()))), flow.getKey());
        }
    }

    @Test
    void givenNanosecondCapture_whenRun_thenFirstAndLastSeenKeepNineDigits() throws IOException {
        checkTimestamps(TestData.sample("ssh.pcap"), true);
    }

    @Test
    void givenMicrosecondCapture_whenRun_thenFirstAndLastSeenKeepSixDigits() throws IOException {
        checkTimestamps(TestData.sample("http.pcap"), false);
    }

    /** Every packet of the samples is TCP, so the earliest first_seen and latest last_seen are the file's ends. */
    private static void checkTimestamps(Path capture, boolean nanosecond) throws IOException {
        PcapRecordTimes times = PcapRecordTimes.of(capture);
        assertEquals(nanosecond, times.nanosecond(), "the sample's magic number");

        CliRun run = CliRun.of("--json", "-", capture.toString());

        assertEquals(0, run.exitCode(), run.err());
        String earliest = null;
        String latest = null;
        for (JsonNode flow : run.jsonLines()) {
            String first = flow.get("first_seen").asText();
            String last = flow.get("last_seen").asText();
            assertTrue(first.compareTo(last) <= 0, first + " after " + last);
            earliest = earliest == null || first.compareTo(earliest) < 0 ? first : earliest;
            latest = latest == null || last.compareTo(latest) > 0 ? last : latest;
        }
        assertEquals(iso(times.firstSeconds(), times.firstFraction(), nanosecond), earliest);
        assertEquals(iso(times.lastSeconds(), times.lastFraction(), nanosecond), latest);
    }

    private static String iso(long seconds, long fraction, boolean nanosecond) {
        String wholeSeconds = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT));
        return wholeSeconds + String.format(Locale.ROOT, nanosecond ? ".%09dZ" : ".%06dZ", fraction);
    }

    /** tshark's flows of the given transports, each with its histogram worked out from its IP lengths. */
    private static Map<String, long[]> truthHistograms(String capture, List<String> transports) throws IOException {
        Map<String, long[]> flows = new HashMap<>();
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.truth(capture), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.startsWith("l4\t")) {
                rows.add(line);
            }
        }

        for (String row : rows) {
            String[] field = row.split("\t");
            if (!transports.contains(field[0])) {
                continue;
            }
            long[] histogram = new long[LAST_BIN + 1];
            for (String length : field[8].split(",")) {
                histogram[Math.min(Integer.parseInt(length) / 32, LAST_BIN)]++;
            }
            assertEquals(Long.parseLong(field[7]), sum(histogram), "packets column of " + row);
            flows.put(field[0] + " " + field[1] + " " + field[2] + " " + field[3] + " " + field[4], histogram);
        }
        return flows;
    }

    private static long sum(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    private static Long[] box(long[] counts) {
        Long[] boxed = new Long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            boxed[i] = counts[i];
        }
        return boxed;
    }
}
