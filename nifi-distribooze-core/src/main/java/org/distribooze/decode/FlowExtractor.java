package org.distribooze.decode;

import java.io.IOException;
import java.io.InputStream;

import org.distribooze.capture.NotACaptureException;

/** Reads a capture as a stream and builds its unidirectional flows. Memory grows with flows, not bytes. */
public final class FlowExtractor {

    private final ExtractionOptions options;

    public FlowExtractor(ExtractionOptions options) {
        this.options = options;
    }

    /**
     * Reads the whole stream (never more than one record in memory at a time) and returns its flows.
     *
     * @throws NotACaptureException the content is not a capture (the message says why, specifically)
     * @throws IOException the stream itself failed
     */
    public ExtractionResult extract(InputStream capture) throws IOException, NotACaptureException {
        throw new UnsupportedOperationException("to be written");
    }
}
