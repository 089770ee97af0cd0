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
 * cluster     int     the flow's cluster, numbered from 0 in order of first appearance; -1 is noise
 * distance    double  Euclidean distance from the flow's percentage distribution to its cluster's centroid
 * similarity  double  1 - distance / (100 * sqrt 2), 1 on the centroid, 0 at the largest possible distance
 * </pre>
 * On clusters, one record per cluster, the noise group (cluster -1) first when there is one:
 * <pre>
 * cluster        int              cluster number, -1 for noise
 * flows          int              flows in it
 * packets        long             their packets (each flow's packets field, or its histogram's sum without one)
 * centroid       array of double  mean of the members' distributions, in percent per bin
 * mean_distance  double           mean distance of the members to the centroid
 * max_distance   double           largest distance of a member to the centroid
 * epsilon        double           the Epsilon used
 * min_points     int              the Minimum Points used
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
    public static final String EPSILON = "epsilon";
    public static final String MIN_POINTS = "min_points";

    public static final RecordSchema CLUSTERS = new SimpleRecordSchema(List.of(
            new RecordField(CLUSTER, RecordFieldType.INT.getDataType(), false),
            new RecordField(FLOWS, RecordFieldType.INT.getDataType(), false),
            new RecordField(PACKETS, RecordFieldType.LONG.getDataType(), false),
            new RecordField(CENTROID,
                    RecordFieldType.ARRAY.getArrayDataType(RecordFieldType.DOUBLE.getDataType(), false), false),
            new RecordField(MEAN_DISTANCE, RecordFieldType.DOUBLE.getDataType(), false),
            new RecordField(MAX_DISTANCE, RecordFieldType.DOUBLE.getDataType(), false),
            new RecordField(EPSILON, RecordFieldType.DOUBLE.getDataType(), false),
            new RecordField(MIN_POINTS, RecordFieldType.INT.getDataType(), false)));

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
