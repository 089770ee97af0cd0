package org.distribooze.decode;

import java.util.Set;

import org.distribooze.flow.Binning;
import org.distribooze.flow.Transport;

/**
 * What extraction keeps: which transports make flows, how packet lengths are binned and at most how many
 * flows one capture may make. Past {@code maxFlows}, packets of flows not yet seen are skipped and counted
 * ({@link ExtractionStats#skippedFlowLimit()}); the flows already kept go on counting their packets.
 */
public record ExtractionOptions(Set<Transport> transports, Binning binning, int maxFlows) {

    /** About 300 MB of flow table with the default 48 bins: a guard against captures of random 4-tuples. */
    public static final int DEFAULT_MAX_FLOWS = 1_000_000;

    public static final ExtractionOptions DEFAULT = new ExtractionOptions(Set.of(Transport.TCP), Binning.DEFAULT);

    public ExtractionOptions {
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("at least one transport must be selected");
        }
        if (maxFlows < 1) {
            throw new IllegalArgumentException("the maximum number of flows must be at least 1, got " + maxFlows);
        }
        transports = Set.copyOf(transports);
    }

    /** Options with the default limit of {@value #DEFAULT_MAX_FLOWS} flows. */
    public ExtractionOptions(Set<Transport> transports, Binning binning) {
        this(transports, binning, DEFAULT_MAX_FLOWS);
    }
}
