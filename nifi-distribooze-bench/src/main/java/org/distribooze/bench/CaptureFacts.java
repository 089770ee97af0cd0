package org.distribooze.bench;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.distribooze.capture.NotACaptureException;
import org.distribooze.decode.ExtractionOptions;
import org.distribooze.decode.ExtractionResult;
import org.distribooze.decode.FlowExtractor;

/** A capture's size, packet records and TCP flows, which turn times into MB/s and packets/s. */
record CaptureFacts(String name, Path file, long bytes, long packets, int flows) {

    static CaptureFacts of(String name, Path file) throws IOException, NotACaptureException {
        try (InputStream in = new FileInputStream(file.toFile())) {
            ExtractionResult result = new FlowExtractor(ExtractionOptions.DEFAULT).extract(in);
            return new CaptureFacts(name, file, Files.size(file), result.stats().packetsRead(), result.flows().size());
        }
    }

    double megabytes() {
        return bytes / 1e6;
    }
}
