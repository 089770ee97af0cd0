package org.distribooze.nifi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.nifi.components.ValidationResult;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.MockProcessContext;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExtractFlowHistogramsTest {

    private TestRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        runner = JsonServices.extractRunner();
    }

    @Test
    void givenEmptyContentWhenExtractedThenFailureWithReason() throws Exception {
        runner.enqueue(new byte[0]);
        runner.run();

        assertOnlyFailure("not a packet capture: empty content");
    }

    @Test
    void givenTextWhenExtractedThenFailureWithReason() throws Exception {
        runner.enqueue("GET / HTTP/1.1\r\nHost: 192.0.2.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        runner.run();

        assertOnlyFailure("unknown magic number");
    }

    @Test
    void givenCaptureCutInsideItsFileHeaderWhenExtractedThenFailureWithReason() throws Exception {
        Path capture = SharedData.capture("cases", "trunc_file_header.pcap");
        runner.enqueue(capture);
        runner.run();

        MockFlowFile failed = assertOnlyFailure("pcap file header cut short: 20 of 24 bytes");
        failed.assertContentEquals(capture);
    }

    @Test
    void givenCaptureCutInsideARecordWhenExtractedThenSuccessMarkedTruncated() throws Exception {
        runner.enqueue(SharedData.capture("cases", "trunc_mid_record.pcap"), Map.of("filename", "cut.pcap"));
        runner.run();

        assertSucceeded();
        MockFlowFile flows = runner.getFlowFilesForRelationship(ExtractFlowHistograms.REL_SUCCESS).get(0);
        flows.assertAttributeEquals(CaptureAttributes.TRUNCATED, "true");
        // Worked out from the file: the 7th record starts at byte 2852 and claims 54 bytes of which 40 are there.
        String reason = flows.getAttribute(CaptureAttributes.TRUNCATION);
        assertTrue(reason.contains("offset 2852") && reason.contains("cut short"), reason);
        // tshark: six complete packets before the cut, in two flows (frames 1,3,4,6 and 2,5).
        flows.assertAttributeEquals(CaptureAttributes.PACKETS_READ, "6");
        flows.assertAttributeEquals(RecordChildren.RECORD_COUNT, "2");
        runner.getFlowFilesForRelationship(ExtractFlowHistograms.REL_ORIGINAL).get(0)
                .assertAttributeEquals(CaptureAttributes.TRUNCATED, "true");
    }

    @Test
    void givenMicrosecondCaptureWhenExtractedThenTimesKeepSixDigits() throws Exception {
        runner.enqueue(SharedData.capture("cases", "trunc_mid_record.pcap"));
        runner.run();

        // Record headers: frame 1 at 1700000000 s + 0 us, frame 6 at 1700000000 s + 50000 us;
        // 1700000000 s is 2023-11-14T22:13:20Z.
        JsonNode flow = flowFrom("192.0.2.10", 40014);
        assertEquals("2023-11-14T22:13:20.000000Z", flow.get("first_seen").asText());
        assertEquals("2023-11-14T22:13:20.050000Z", flow.get("last_seen").asText());
    }

    @Test
    void givenNanosecondCaptureWhenExtractedThenTimesKeepNineDigits() throws Exception {
        runner.enqueue(SharedData.capture("cases", "nano_bigendian.pcap"));
        runner.run();

        // The server's flow is frames 2, 5 and 8, stamped 1700000000 s + 223456790, 523456793, 823456796 ns.
        JsonNode flow = flowFrom("198.51.100.20", 22);
        assertEquals("2023-11-14T22:13:20.223456790Z", flow.get("first_seen").asText());
        assertEquals("2023-11-14T22:13:20.823456796Z", flow.get("last_seen").asText());
        assertEquals("PCAP_NANOSECOND", runner.getFlowFilesForRelationship(ExtractFlowHistograms.REL_SUCCESS).get(0)
                .getAttribute(CaptureAttributes.FORMAT));
    }

    @Test
    void givenTimestampsGoingBackwardsWhenExtractedThenFirstAndLastSeenAreEarliestAndLatest() throws Exception {
        runner.enqueue(SharedData.capture("cases", "nano_bigendian.pcap"));
        runner.run();

        // The client's flow is frames 1, 3, 4, 6, 7 and 9, stamped 1700000000 s + 123456789, 323456791,
        // 423456792, 623456794, 723456795 and 123456797 ns: its last frame is not its latest.
        JsonNode flow = flowFrom("192.0.2.10", 40013);
        assertEquals("2023-11-14T22:13:20.123456789Z", flow.get("first_seen").asText());
        assertEquals("2023-11-14T22:13:20.723456795Z", flow.get("last_seen").asText());
    }

    @Test
    void givenWiderBinsWhenExtractedThenHistogramsFollowThem() throws Exception {
        runner.setProperty(ExtractFlowHistograms.BIN_WIDTH, "64");
        runner.setProperty(ExtractFlowHistograms.MAXIMUM_LENGTH, "1536");
        Path capture = SharedData.capture("cases", "nano_bigendian.pcap");
        runner.enqueue(capture);
        runner.run();

        assertSucceeded();
        // tshark's IP lengths: client 44,40,88,136,40,40; server 44,1488,40. Bins of 64 bytes, 1536 and up in bin 24.
        long[] client = new long[25];
        client[0] = 4;
        client[1] = 1;
        client[2] = 1;
        long[] server = new long[25];
        server[0] = 2;
        server[23] = 1;
        assertArrayEquals(client, JsonServices.longs(flowFrom("192.0.2.10", 40013).get("histogram")));
        assertArrayEquals(server, JsonServices.longs(flowFrom("198.51.100.20", 22).get("histogram")));
    }

    @Test
    void givenLengthAtMaximumWhenExtractedThenItLandsInTheLastBin() throws Exception {
        runner.setProperty(ExtractFlowHistograms.BIN_WIDTH, "500");
        runner.setProperty(ExtractFlowHistograms.MAXIMUM_LENGTH, "1500");
        runner.enqueue(SharedData.capture("cases", "snaplen54.pcap"));
        runner.run();

        // tshark's IP lengths for 192.0.2.10:40015: 44,40,1500,240,40,40 -> five below 500, 1500 in the last bin.
        assertArrayEquals(new long[] {5, 0, 0, 1},
                JsonServices.longs(flowFrom("192.0.2.10", 40015).get("histogram")));
    }

    @Test
    void givenMoreFlowsThanMaximumFlowsWhenExtractedThenLaterFlowsAreSkippedAndCounted() throws Exception {
        runner.setProperty(ExtractFlowHistograms.TRANSPORT, TransportSelection.TCP_AND_UDP.getValue());
        runner.setProperty(ExtractFlowHistograms.MAXIMUM_FLOWS, "1");
        runner.enqueue(SharedData.capture("cases", "ipv4_frag_tcp_udp.pcap"));
        runner.run();

        assertSucceeded();
        // tshark: the TCP flow 192.0.2.10:40016 comes first (frames 1 and 4, its datagram's later fragments 2 and
        // 3); the UDP flow's first fragment (frame 5) and its later fragment (frame 6) come after it.
        for (MockFlowFile flowFile : List.of(
                runner.getFlowFilesForRelationship(ExtractFlowHistograms.REL_SUCCESS).get(0),
                runner.getFlowFilesForRelationship(ExtractFlowHistograms.REL_ORIGINAL).get(0))) {
            flowFile.assertAttributeEquals(CaptureAttributes.FLOWS_LIMIT_REACHED, "true");
            flowFile.assertAttributeEquals(CaptureAttributes.SKIPPED_FLOW_LIMIT, "2");
            flowFile.assertAttributeEquals(CaptureAttributes.PACKETS_READ, "6");
            flowFile.assertAttributeEquals(CaptureAttributes.PACKETS_COUNTED, "4");
            flowFile.assertAttributeEquals(CaptureAttributes.SKIPPED_UNATTRIBUTED_FRAGMENT, "0");
        }
        runner.getFlowFilesForRelationship(ExtractFlowHistograms.REL_SUCCESS).get(0)
                .assertAttributeEquals(RecordChildren.RECORD_COUNT, "1");
        assertEquals(4, flowFrom("192.0.2.10", 40016).get("packets").asLong());
        assertTrue(runner.getLogger().getWarnMessages().stream()
                .anyMatch(message -> message.getMsg().contains("skipped 2 packets of later flows")));
    }

    @Test
    void givenAsManyFlowsAsMaximumFlowsWhenExtractedThenTheLimitIsNotReached() throws Exception {
        runner.setProperty(ExtractFlowHistograms.MAXIMUM_FLOWS, "2");
        runner.enqueue(SharedData.capture("cases", "nano_bigendian.pcap"));
        runner.run();

        // tshark: two TCP flows, 6 and 3 packets.
        MockFlowFile flows = runner.getFlowFilesForRelationship(ExtractFlowHistograms.REL_SUCCESS).get(0);
        flows.assertAttributeEquals(CaptureAttributes.FLOWS_LIMIT_REACHED, "false");
        flows.assertAttributeEquals(CaptureAttributes.SKIPPED_FLOW_LIMIT, "0");
        flows.assertAttributeEquals(CaptureAttributes.PACKETS_COUNTED, "9");
        flows.assertAttributeEquals(RecordChildren.RECORD_COUNT, "2");
    }

    @Test
    void givenZeroOrTextMaximumFlowsThenInvalid() throws Exception {
        runner.setProperty(ExtractFlowHistograms.MAXIMUM_FLOWS, "0");
        runner.assertNotValid();

        runner.setProperty(ExtractFlowHistograms.MAXIMUM_FLOWS, "a million");
        runner.assertNotValid();

        runner.setProperty(ExtractFlowHistograms.MAXIMUM_FLOWS, "1");
        runner.assertValid();
    }

    @Test
    void givenWriterThatFailsWhenExtractedThenCaptureToFailureAndNoChildLeft() throws Exception {
        TestRunner broken = TestRunners.newTestRunner(ExtractFlowHistograms.class);
        BrokenRecordWriter writer = new BrokenRecordWriter(0);
        broken.addControllerService("broken-writer", writer);
        broken.enableControllerService(writer);
        broken.setProperty(ExtractFlowHistograms.RECORD_WRITER, "broken-writer");
        runner = broken;

        runner.enqueue(SharedData.capture("cases", "vlan_tpids.pcap"));
        runner.run();

        assertOnlyFailure("the Record Writer failed: " + BrokenRecordWriter.FAILURE);
    }

    @Test
    void givenDefaultsThenValid() throws Exception {
        runner.assertValid();
    }

    @Test
    void givenMaximumLengthNotAMultipleOfBinWidthThenInvalid() throws Exception {
        runner.setProperty(ExtractFlowHistograms.MAXIMUM_LENGTH, "1500");
        runner.assertNotValid();

        runner.setProperty(ExtractFlowHistograms.MAXIMUM_LENGTH, "1504");
        runner.setProperty(ExtractFlowHistograms.BIN_WIDTH, "64");
        runner.assertNotValid();

        runner.setProperty(ExtractFlowHistograms.MAXIMUM_LENGTH, "1536");
        runner.assertValid();
    }

    @Test
    void givenBinWiderThanMaximumLengthThenInvalid() throws Exception {
        runner.setProperty(ExtractFlowHistograms.BIN_WIDTH, "2048");
        runner.assertNotValid();
    }

    @Test
    void givenMoreBinsThanAFlowMayKeepThenInvalid() throws Exception {
        // 1-byte bins up to 2047 make 2048 bins, the most allowed; up to 2048 they make 2049.
        runner.setProperty(ExtractFlowHistograms.BIN_WIDTH, "1");
        runner.setProperty(ExtractFlowHistograms.MAXIMUM_LENGTH, "2047");
        runner.assertValid();

        runner.setProperty(ExtractFlowHistograms.MAXIMUM_LENGTH, "2048");
        runner.assertNotValid();

        runner.setProperty(ExtractFlowHistograms.MAXIMUM_LENGTH, "65536");
        runner.assertNotValid();
    }

    @Test
    void givenZeroOrTextBinningThenInvalid() throws Exception {
        runner.setProperty(ExtractFlowHistograms.BIN_WIDTH, "0");
        runner.assertNotValid();

        runner.setProperty(ExtractFlowHistograms.BIN_WIDTH, "32");
        runner.setProperty(ExtractFlowHistograms.MAXIMUM_LENGTH, "0");
        runner.assertNotValid();

        runner.setProperty(ExtractFlowHistograms.MAXIMUM_LENGTH, "many");
        runner.assertNotValid();
    }

    @Test
    void givenUnknownTransportThenInvalid() throws Exception {
        runner.setProperty(ExtractFlowHistograms.TRANSPORT, "SCTP");
        runner.assertNotValid();
    }

    @Test
    void givenNoRecordWriterThenInvalid() throws Exception {
        TestRunner bare = TestRunners.newTestRunner(ExtractFlowHistograms.class);
        bare.assertNotValid();
    }

    @Test
    void givenInvalidMaximumLengthThenTheExplanationNamesTheNearestMultiples() throws Exception {
        runner.setProperty(ExtractFlowHistograms.MAXIMUM_LENGTH, "1500");

        String explanations = ((MockProcessContext) runner.getProcessContext()).validate().stream()
                .map(ValidationResult::getExplanation)
                .collect(Collectors.joining("\n"));
        assertTrue(explanations.contains("1472 or 1504"), explanations);
    }

    private JsonNode flowFrom(String source, int sourcePort) {
        List<JsonNode> records = JsonServices.records(
                runner.getFlowFilesForRelationship(ExtractFlowHistograms.REL_SUCCESS).get(0));
        Map<String, JsonNode> bySource = new HashMap<>();
        for (JsonNode record : records) {
            bySource.put(record.get("src_ip").asText() + " " + record.get("src_port").asInt(), record);
        }
        JsonNode flow = bySource.get(source + " " + sourcePort);
        assertNotNull(flow, "no flow from " + source + " " + sourcePort + " in " + bySource.keySet());
        return flow;
    }

    private void assertSucceeded() {
        runner.assertTransferCount(ExtractFlowHistograms.REL_SUCCESS, 1);
        runner.assertTransferCount(ExtractFlowHistograms.REL_ORIGINAL, 1);
        runner.assertTransferCount(ExtractFlowHistograms.REL_FAILURE, 0);
    }

    private MockFlowFile assertOnlyFailure(String expectedReason) {
        runner.assertTransferCount(ExtractFlowHistograms.REL_SUCCESS, 0);
        runner.assertTransferCount(ExtractFlowHistograms.REL_ORIGINAL, 0);
        runner.assertTransferCount(ExtractFlowHistograms.REL_FAILURE, 1);
        MockFlowFile failed = runner.getFlowFilesForRelationship(ExtractFlowHistograms.REL_FAILURE).get(0);
        String reason = failed.getAttribute(ExtractFlowHistograms.FAILURE_REASON);
        assertNotNull(reason, "no " + ExtractFlowHistograms.FAILURE_REASON);
        assertTrue(reason.contains(expectedReason), "expected '" + expectedReason + "' in: " + reason);
        failed.assertAttributeNotExists(CaptureAttributes.PACKETS_READ);
        return failed;
    }
}
