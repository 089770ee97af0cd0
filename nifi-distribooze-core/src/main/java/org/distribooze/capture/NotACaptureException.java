package org.distribooze.capture;

/** The content is not a pcap or pcapng capture at all (unknown magic, file header cut short, ...). */
public class NotACaptureException extends Exception {

    public NotACaptureException(String reason) {
        super(reason);
    }
}
