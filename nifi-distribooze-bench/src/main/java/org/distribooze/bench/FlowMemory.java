package org.distribooze.bench;

import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.distribooze.decode.ExtractionOptions;
import org.distribooze.decode.ExtractionResult;
import org.distribooze.decode.FlowExtractor;
import org.distribooze.flow.Binning;
import org.distribooze.flow.Transport;

/**
 * Heap held per flow: the heap in use after full collections with an extraction's result reachable, less the
 * same before it, divided by its flows. The summaries are a view, so this is the flow table itself.
 *
 * <p>Usage: {@code FlowMemory CAPTURE}.
 */
public final class FlowMemory {

    private FlowMemory() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path capture = Path.of(args[0]);
        ExtractionOptions unlimited = new ExtractionOptions(Set.of(Transport.TCP), Binning.DEFAULT,
                Integer.MAX_VALUE);

        long before = HeapWatch.usedAfterFullGc();
        ExtractionResult result;
        try (InputStream in = new FileInputStream(capture.toFile())) {
            result = new FlowExtractor(unlimited).extract(in);
        }
        long after = HeapWatch.usedAfterFullGc();
        int flows = result.flows().size();
        Reference.reachabilityFence(result);

        System.out.printf("  %s: %,d flows hold %s of heap after full GCs: %.0f bytes per flow (48 bins)%n",
                capture.getFileName(), flows, HeapWatch.megabytes(after - before), (after - before) / (double) flows);
    }
}
