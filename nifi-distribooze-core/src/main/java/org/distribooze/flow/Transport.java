package org.distribooze.flow;

/** The transport protocols a flow can be keyed on; the IP protocol number is the wire value. */
public enum Transport {
    TCP(6),
    UDP(17);

    private final int protocolNumber;

    Transport(int protocolNumber) {
        this.protocolNumber = protocolNumber;
    }

    public int protocolNumber() {
        return protocolNumber;
    }
}
