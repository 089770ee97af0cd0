package org.distribooze.capture;

/** The container formats a capture can be written in. */
public enum CaptureFormat {
    PCAP,
    PCAP_NANOSECOND,
    PCAPNG
}
