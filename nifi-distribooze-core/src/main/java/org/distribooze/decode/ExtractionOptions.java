package org.distribooze.decode;

import java.util.Set;

import org.distribooze.flow.Binning;
import org.distribooze.flow.Transport;

/** What extraction keeps: which transports make flows, and how packet lengths are binned. */
public record ExtractionOptions(Set<Transport> transports, Binning binning) {

    public static final ExtractionOptions DEFAULT = new ExtractionOptions(Set.of(Transport.TCP), Binning.DEFAULT);

    public ExtractionOptions {
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("at least one transport must be selected");
        }
        transports = Set.copyOf(transports);
    }
}
