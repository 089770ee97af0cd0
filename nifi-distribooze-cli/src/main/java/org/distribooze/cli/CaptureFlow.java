package org.distribooze.cli;

import org.distribooze.flow.FlowSummary;

/** One flow and the capture it was read from, as the capture was named on the command line. */
record CaptureFlow(String capture, FlowSummary flow) {
}
