package org.distribooze.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.distribooze.nifi.ExtractFlowHistograms;

/**
 * One capture through ExtractFlowHistograms on a streaming session, in whatever heap this JVM was given
 * (-Xmx): prints the packet accounting the processor wrote and the most heap in use after any collection.
 *
 * <p>Usage: {@code HeapCheck CAPTURE WORK_DIR [MAXIMUM_FLOWS]}.
 */
public final class HeapCheck {

    private HeapCheck() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path capture = Path.of(args[0]);
        Map<String, String> properties = new HashMap<>();
        if (args.length > 2) {
            properties.put(ExtractFlowHistograms.MAXIMUM_FLOWS.getName(), args[2]);
        }
        ProcessorPass pass = new ProcessorPass(Files.createTempDirectory(Path.of(args[1]), "heap-check"), properties);

        HeapWatch watch = HeapWatch.start();
        long start = System.nanoTime();
        Map<String, String> attributes = pass.extract(capture);
        double seconds = (System.nanoTime() - start) / 1e9;
        pass.close();

        System.out.printf("  %s (%.1f MB) with -Xmx%dm%s: %.2f s, record.count=%s packets.read=%s packets.counted=%s"
                        + " flows.limit.reached=%s packets.skipped.flow.limit=%s; most heap in use after a GC: %s%n",
                capture.getFileName(), Files.size(capture) / 1e6, Runtime.getRuntime().maxMemory() >> 20,
                properties.isEmpty() ? "" : ", Maximum Flows " + args[2], seconds, attributes.get("record.count"),
                attributes.get("packets.read"), attributes.get("packets.counted"),
                attributes.get("flows.limit.reached"), attributes.get("packets.skipped.flow.limit"),
                HeapWatch.megabytes(watch.largestAfterGc()));
    }
}
