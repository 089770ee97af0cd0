package org.distribooze.nifi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.nifi.serialization.SimpleRecordSchema;
import org.apache.nifi.serialization.record.RecordField;
import org.apache.nifi.serialization.record.RecordFieldType;
import org.apache.nifi.serialization.record.RecordSchema;

/**
 * The records ClusterFlows writes. On success, every flow record as it came in plus
 * <pre>
 * cluster     int     the flow's cluster, numbered from 0 in order of first appearance; -1 is noise, -2 a flow
 *                     with fewer packets than Minimum Packets, not clustered
 * distance    double  Euclidean distance from the flow's percentage distribution to its group's centroid
 * similarity  double  1 - distance / (100 * sqrt 2), 1 on the centroid, 0 at the largest possible distance
 * </pre>
 * On clusters, one record per group: the flows not clustered (cluster -2) and the noise (cluster -1) first when
 * there are such flows:
 * <pre>
 * cluster        int              cluster number, -1 for noise, -2 for the flows not clustered
 * flows          int              flows in it
 * packets        long             their packets (each flow's packets field, or its histogram's sum without one)
 * centroid       array of double  mean of the members' distributions, in percent per bin
 * mean_distance  double           mean distance of the members to the centroid
 * max_distance   double           largest distance of a member to the centroid
 * distance_used  string           the Distance used: JACCARD_OCCUPIED_BINS or EUCLIDEAN_PERCENTAGES
 * epsilon        double           the Epsilon used, the one worked out when it is auto
 * epsilon_fraction string         the Epsilon as an exact fraction such as 1/3 when it is one, else null
 * min_points     int              the Minimum Points used
 * min_packets    int              the Minimum Packets used
 * </pre>
 */
public final class ClusterRecordSchema {

    public static final String CLUSTER = "cluster";
    public static final String DISTANCE = "distance";
    public static final String SIMILARITY = "similarity";

    public static final String FLOWS = "flows";
    public static final String PACKETS = "packets";
    public static final String CENTROID = "centroid";
    public static final String MEAN_DISTANCE = "mean_distance";
    public static final String MAX_DISTANCE = "max_distance";
    public static final String DISTANCE_USED = "distance_used";
    public static final String EPSILON = "epsilon";
    public static final String EPSILON_FRACTION = "epsilon_fraction";
    public static final String MIN_POINTS = "min_points";
    public static final String MIN_PACKETS = "min_packets";

    public static final RecordSchema CLUSTERS = new SimpleRecordSchema(List.of(
            new RecordField(CLUSTER, RecordFieldType.INT.getDataType(), false),
            new RecordField(FLOWS, RecordFieldType.INT.getDataType(), false),
            new RecordField(PACKETS, RecordFieldType.LONG.getDataType(), false),
            new RecordField(CENTROID,
                    RecordFieldType.ARRAY.getArrayDataType(RecordFieldType.DOUBLE.getDataType(), false), false),
            new RecordField(MEAN_DISTANCE, RecordFieldType.DOUBLE.getDataType(), false),
            new RecordField(MAX_DISTANCE, RecordFieldType.DOUBLE.getDataType(), false),
            new RecordField(DISTANCE_USED, RecordFieldType.STRING.getDataType(), false),
            new RecordField(EPSILON, RecordFieldType.DOUBLE.getDataType(), false),
            new RecordField(EPSILON_FRACTION, RecordFieldType.STRING.getDataType(), true),
            new RecordField(MIN_POINTS, RecordFieldType.INT.getDataType(), false),
            new RecordField(MIN_PACKETS, RecordFieldType.INT.getDataType(), false)));

    private static final Set<String> ADDED = Set.of(CLUSTER, DISTANCE, SIMILARITY);

    private ClusterRecordSchema() {
    }

    /** The flows' own schema with the three clustering fields added; flows clustered before lose their old ones. */
    public static RecordSchema labelled(RecordSchema flows) {
        List<RecordField> fields = new ArrayList<>();
        for (RecordField field : flows.getFields()) {
            if (!ADDED.contains(field.getFieldName())) {
                fields.add(field);
            }
        }
        fields.add(new RecordField(CLUSTER, RecordFieldType.INT.getDataType(), false));
        fields.add(new RecordField(DISTANCE, RecordFieldType.DOUBLE.getDataType(), false));
        fields.add(new RecordField(SIMILARITY, RecordFieldType.DOUBLE.getDataType(), false));
        return new SimpleRecordSchema(fields);
    }
}
