package org.distribooze.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.distribooze.capture.NotACaptureException;
import org.distribooze.decode.ExtractionOptions;
import org.distribooze.decode.ExtractionResult;
import org.distribooze.decode.ExtractionStats;
import org.distribooze.decode.FlowExtractor;
import org.distribooze.flow.FlowSummary;

/**
 * Reads every capture named on the command line into one list of flows. A capture that cannot be read
 * is reported on the error stream, naming the file and the reason, and the others are still read.
 */
final class CaptureFiles {

    private static final int READ_BUFFER_BYTES = 1 << 16;

    private final FlowExtractor extractor;

    CaptureFiles(ExtractionOptions options) {
        this.extractor = new FlowExtractor(options);
    }

    /**
     * The flows of all readable captures, in argument order and each capture's first-seen order.
     *
     * @param accounts packet accounting per readable capture, in argument order
     * @param unreadable how many captures could not be read
     */
    record Captures(List<CaptureFlow> flows, Map<String, Account> accounts, int unreadable) {
    }

    /** What one readable capture held: its packet accounting and how many flows it made. */
    record Account(ExtractionStats stats, int flows) {
    }

    Captures readAll(List<Path> captures, PrintWriter err) {
        List<CaptureFlow> flows = new ArrayList<>();
        Map<String, Account> accounts = new LinkedHashMap<>();
        int unreadable = 0;

        for (Path capture : captures) {
            String name = capture.toString();
            try {
                ExtractionResult result = read(capture);
                for (FlowSummary flow : result.flows()) {
                    flows.add(new CaptureFlow(name, flow));
                }
                accounts.put(name, new Account(result.stats(), result.flows().size()));
            } catch (NotACaptureException e) {
                err.println("distribooze: " + name + ": not a capture: " + e.getMessage());
                unreadable++;
            } catch (NoSuchFileException e) {
                err.println("distribooze: " + name + ": no such file");
                unreadable++;
            } catch (IOException e) {
                err.println("distribooze: " + name + ": cannot read: " + e.getMessage());
                unreadable++;
            }
        }
        err.flush();

        return new Captures(flows, accounts, unreadable);
    }

    private ExtractionResult read(Path capture) throws IOException, NotACaptureException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(capture), READ_BUFFER_BYTES)) {
            return extractor.extract(in);
        }
    }
}
