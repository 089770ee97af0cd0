package org.distribooze.cli;

import java.util.EnumSet;
import java.util.Set;

import org.distribooze.flow.Transport;

/** The {@code -t} choices: which transports make flows. */
enum TransportChoice {
    TCP(EnumSet.of(Transport.TCP)),
    UDP(EnumSet.of(Transport.UDP)),
    BOTH(EnumSet.of(Transport.TCP, Transport.UDP));

    private final Set<Transport> transports;

    TransportChoice(Set<Transport> transports) {
        this.transports = transports;
    }

    Set<Transport> transports() {
        return EnumSet.copyOf(transports);
    }
}
