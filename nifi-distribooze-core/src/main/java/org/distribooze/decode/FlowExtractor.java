package org.distribooze.decode;

import java.io.IOException;
import java.io.InputStream;

import org.distribooze.capture.CaptureReader;
import org.distribooze.capture.NotACaptureException;

/**
 * Reads a capture as a stream and builds its unidirectional flows. Memory grows with flows, not bytes.
 *
 * <p>A capture that ends inside a record is still a capture: its complete packets are counted and the
 * stats say truncated. A record or block whose length is impossible (over 256 MiB, or in pcapng not a
 * multiple of 4, disagreeing with its trailing copy or smaller than the packet it holds) is treated the
 * same way: nothing after it can be trusted, so reading stops there and the capture counts as truncated.
 *
 * <p>A capture with more flows than {@link ExtractionOptions#maxFlows()} keeps its first flows whole: packets
 * of the flows seen after the limit was reached are skipped and counted in
 * {@link ExtractionStats#skippedFlowLimit()}, so memory stays bounded and nothing is dropped unnoticed.
 */
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
        CaptureReader reader = CaptureReader.open(capture);
        FlowBuilder builder = new FlowBuilder(options.transports(), options.binning(), options.maxFlows());
        PacketAccounting accounting = new PacketAccounting();
        while (reader.next()) {
            accounting.record(reader.linkType(), builder.add(reader));
        }

        return new ExtractionResult(builder.flows(), accounting.stats(reader.format(), reader.truncation()));
    }
}
