package org.distribooze.nifi;

import java.util.List;

import org.apache.nifi.serialization.SimpleRecordSchema;
import org.apache.nifi.serialization.record.DataType;
import org.apache.nifi.serialization.record.RecordField;
import org.apache.nifi.serialization.record.RecordFieldType;
import org.apache.nifi.serialization.record.RecordSchema;

/**
 * The flow record ExtractFlowHistograms writes and ClusterFlows reads, one per unidirectional flow:
 * <pre>
 * capture_file  string         the capture's filename attribute
 * src_ip        string         source address (dotted quad, or IPv6 in RFC 5952 short form)
 * src_port      int            source port
 * dst_ip        string         destination address
 * dst_port      int            destination port
 * transport     string         TCP or UDP
 * ip_version    int            4 or 6
 * first_seen    string         ISO-8601 UTC instant of the earliest packet, with the capture's fraction digits
 * last_seen     string         the same for the latest packet
 * packets       long           packets counted in the flow
 * bytes         long           sum of their IP lengths
 * histogram     array of long  packets per length bin, the last bin holding every length from the maximum up
 * </pre>
 */
public final class FlowRecordSchema {

    public static final String CAPTURE_FILE = "capture_file";
    public static final String SOURCE_ADDRESS = "src_ip";
    public static final String SOURCE_PORT = "src_port";
    public static final String DESTINATION_ADDRESS = "dst_ip";
    public static final String DESTINATION_PORT = "dst_port";
    public static final String TRANSPORT = "transport";
    public static final String IP_VERSION = "ip_version";
    public static final String FIRST_SEEN = "first_seen";
    public static final String LAST_SEEN = "last_seen";
    public static final String PACKETS = "packets";
    public static final String BYTES = "bytes";
    public static final String HISTOGRAM = "histogram";

    public static final RecordSchema SCHEMA = new SimpleRecordSchema(List.of(
            field(CAPTURE_FILE, RecordFieldType.STRING.getDataType()),
            field(SOURCE_ADDRESS, RecordFieldType.STRING.getDataType()),
            field(SOURCE_PORT, RecordFieldType.INT.getDataType()),
            field(DESTINATION_ADDRESS, RecordFieldType.STRING.getDataType()),
            field(DESTINATION_PORT, RecordFieldType.INT.getDataType()),
            field(TRANSPORT, RecordFieldType.STRING.getDataType()),
            field(IP_VERSION, RecordFieldType.INT.getDataType()),
            field(FIRST_SEEN, RecordFieldType.STRING.getDataType()),
            field(LAST_SEEN, RecordFieldType.STRING.getDataType()),
            field(PACKETS, RecordFieldType.LONG.getDataType()),
            field(BYTES, RecordFieldType.LONG.getDataType()),
            field(HISTOGRAM, RecordFieldType.ARRAY.getArrayDataType(RecordFieldType.LONG.getDataType(), false))));

    private FlowRecordSchema() {
    }

    private static RecordField field(String name, DataType type) {
        return new RecordField(name, type, false);
    }
}
