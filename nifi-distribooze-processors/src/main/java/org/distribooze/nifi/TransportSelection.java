package org.distribooze.nifi;

import java.util.EnumSet;
import java.util.Set;

import org.apache.nifi.components.DescribedValue;
import org.distribooze.flow.Transport;

/** Which transport protocols make flows; packets of any other protocol are counted as skipped. */
public enum TransportSelection implements DescribedValue {
    TCP("TCP", "TCP segments only, as the original tool did.", EnumSet.of(Transport.TCP)),
    UDP("UDP", "UDP datagrams only.", EnumSet.of(Transport.UDP)),
    TCP_AND_UDP("TCP and UDP", "Both; a TCP flow and a UDP flow between the same ports stay apart.",
            EnumSet.of(Transport.TCP, Transport.UDP));

    private final String displayName;
    private final String description;
    private final Set<Transport> transports;

    TransportSelection(String displayName, String description, Set<Transport> transports) {
        this.displayName = displayName;
        this.description = description;
        this.transports = Set.copyOf(transports);
    }

    @Override
    public String getValue() {
        return name();
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public String getDescription() {
        return description;
    }

    /** The core's transports this choice stands for. */
    public Set<Transport> transports() {
        return transports;
    }
}
