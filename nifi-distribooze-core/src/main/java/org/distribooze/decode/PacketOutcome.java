package org.distribooze.decode;

/** What became of one packet: counted in a flow, or skipped for exactly one reason. */
enum PacketOutcome {
    COUNTED,
    NOT_IP,
    OTHER_TRANSPORT,
    UNATTRIBUTED_FRAGMENT,
    CUT_SHORT,
    FLOW_LIMIT
}
