package org.distribooze.decode;

import java.util.List;

import org.distribooze.flow.FlowSummary;

/** The flows of one capture, in the order their first packet was seen, and the packet accounting. */
public record ExtractionResult(List<FlowSummary> flows, ExtractionStats stats) {
}
