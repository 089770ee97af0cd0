package org.distribooze.nifi;

/** A flow record ClusterFlows cannot use: no histogram, a histogram of another length, counts that are not counts. */
class FlowRecordException extends Exception {

    FlowRecordException(String reason) {
        super(reason);
    }
}
