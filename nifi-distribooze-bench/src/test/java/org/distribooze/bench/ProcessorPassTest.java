package org.distribooze.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's streaming session feeds the processor as NiFi would: same accounting as tshark's truth. */
class ProcessorPassTest {

    @TempDir
    Path work;

    @Test
    void givenASharedCaptureOnTheStreamingSession_whenExtracted_thenFlowsAndPacketsMatchTshark() throws Exception {
        ProcessorPass pass = new ProcessorPass(work.resolve("out"), Map.of());

        Map<String, String> attributes = pass.extract(sharedCapture("cases", "nano_bigendian.pcap"));

        // tshark's truth for this capture: 9 packets, all IPv4 TCP, in 2 flows.
        assertEquals("2", attributes.get("record.count"));
        assertEquals("9", attributes.get("packets.read"));
        assertEquals("9", attributes.get("packets.counted"));
        assertEquals("false", attributes.get("flows.limit.reached"));
    }

    @Test
    void givenAThousandDistinctFlowsAndALimitOf600_whenExtracted_thenTheLast400PacketsAreSkippedForTheLimit()
            throws Exception {
        Path capture = work.resolve("distinct.pcap");
        DistinctFlowsCapture.main(new String[] {capture.toString(), "1000"});
        ProcessorPass pass = new ProcessorPass(work.resolve("out"), Map.of("Maximum Flows", "600"), false);

        Map<String, String> attributes = pass.extract(capture);

        // One packet per flow, every flow new: the first 600 are kept, each later packet starts a refused flow.
        assertEquals(24 + 1000 * (16 + 54), Files.size(capture));
        assertEquals("600", attributes.get("record.count"));
        assertEquals("1000", attributes.get("packets.read"));
        assertEquals("600", attributes.get("packets.counted"));
        assertEquals("400", attributes.get("packets.skipped.flow.limit"));
        assertEquals("true", attributes.get("flows.limit.reached"));
    }

    private static Path sharedCapture(String folder, String name) {
        String shared = System.getProperty("distribooze.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("system property distribooze.shared.dir is not set (surefire sets it)");
        }
        return Path.of(shared, "pcaps", folder, name);
    }
}
