package org.distribooze.nifi;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.nifi.annotation.behavior.InputRequirement;
import org.apache.nifi.annotation.behavior.InputRequirement.Requirement;
import org.apache.nifi.annotation.behavior.SideEffectFree;
import org.apache.nifi.annotation.behavior.SupportsBatching;
import org.apache.nifi.annotation.behavior.SystemResource;
import org.apache.nifi.annotation.behavior.SystemResourceConsideration;
import org.apache.nifi.annotation.behavior.WritesAttribute;
import org.apache.nifi.annotation.behavior.WritesAttributes;
import org.apache.nifi.annotation.documentation.CapabilityDescription;
import org.apache.nifi.annotation.documentation.SeeAlso;
import org.apache.nifi.annotation.documentation.Tags;
import org.apache.nifi.annotation.documentation.UseCase;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.components.ValidationResult;
import org.apache.nifi.components.Validator;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.processor.AbstractProcessor;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.processor.Relationship;
import org.apache.nifi.processor.exception.ProcessException;
import org.apache.nifi.processor.util.StandardValidators;
import org.apache.nifi.schema.access.SchemaNotFoundException;
import org.apache.nifi.serialization.MalformedRecordException;
import org.apache.nifi.serialization.RecordReader;
import org.apache.nifi.serialization.RecordReaderFactory;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordSchema;
import org.distribooze.cluster.ClusteringResult;
import org.distribooze.cluster.FlowClusterer;

@InputRequirement(Requirement.INPUT_REQUIRED)
@SupportsBatching
@SideEffectFree
@SystemResourceConsideration(resource = SystemResource.MEMORY,
        description = "Every record of a FlowFile is held in memory while its flows are clustered, and DBSCAN compares "
                + "each flow with every other: memory grows with the records, time with their square.")
@Tags({"flow", "histogram", "packet length", "cluster", "dbscan", "network", "traffic classification", "record"})
@CapabilityDescription("Clusters flow records, such as ExtractFlowHistograms writes and MergeRecord gathers, "
        + "with DBSCAN over each flow's packet-length distribution: its histogram counts as percentages of its "
        + "packets, compared by Euclidean distance. Writes every flow again with its cluster (-1 for noise), its "
        + "distance to its cluster's centroid and a similarity, and one summary record per cluster. A record needs a "
        + "histogram field (an array of counts, every record with as many bins); its packets field is used when "
        + "present. All records of one FlowFile are clustered together, so merge the flows to compare first.")
@WritesAttributes({
        @WritesAttribute(attribute = RecordChildren.RECORD_COUNT,
                description = "Records written (success and clusters)"),
        @WritesAttribute(attribute = "mime.type", description = "The MIME type the Record Writer gives"),
        @WritesAttribute(attribute = ClusterFlows.CLUSTER_COUNT, description = "Clusters found, noise not counted"),
        @WritesAttribute(attribute = ClusterFlows.NOISE_FLOWS, description = "Flows that are noise"),
        @WritesAttribute(attribute = ClusterFlows.EPSILON_ATTRIBUTE, description = "The Epsilon used"),
        @WritesAttribute(attribute = ClusterFlows.MIN_POINTS_ATTRIBUTE, description = "The Minimum Points used"),
        @WritesAttribute(attribute = ClusterFlows.FAILURE_REASON,
                description = "Why the records could not be clustered (failure only)")
})
@SeeAlso(ExtractFlowHistograms.class)
@UseCase(
        description = "Group flows whose packet-length distributions look alike, and find the flows that fit no group.",
        keywords = {"dbscan", "cluster", "flow", "histogram", "anomaly"},
        configuration = """
                Set "Record Reader" and "Record Writer", e.g. a JsonTreeReader and a JsonRecordSetWriter.
                Start with "Epsilon" 8 and "Minimum Points" 5.
                A smaller Epsilon or a larger Minimum Points makes more flows noise.
                Route success to where labelled flows go, clusters to where cluster summaries go,
                and failure to a place someone looks at.
                """)
public class ClusterFlows extends AbstractProcessor {

    static final String CLUSTER_COUNT = "cluster.count";
    static final String NOISE_FLOWS = "cluster.noise.flows";
    static final String EPSILON_ATTRIBUTE = "cluster.epsilon";
    static final String MIN_POINTS_ATTRIBUTE = "cluster.min.points";
    static final String FAILURE_REASON = "cluster.failure.reason";

    private static final Validator POSITIVE_NUMBER = (subject, input, context) -> {
        boolean valid;
        try {
            double value = Double.parseDouble(input);
            valid = value > 0 && Double.isFinite(value);
        } catch (NumberFormatException | NullPointerException e) {
            valid = false;
        }
        return new ValidationResult.Builder().subject(subject).input(input).valid(valid)
                .explanation(valid ? null : "must be a number greater than 0, got " + input).build();
    };

    public static final PropertyDescriptor RECORD_READER = new PropertyDescriptor.Builder()
            .name("Record Reader")
            .description("Reads the flow records; each needs a histogram field, an array of packet counts.")
            .identifiesControllerService(RecordReaderFactory.class)
            .required(true)
            .build();

    public static final PropertyDescriptor RECORD_WRITER = new PropertyDescriptor.Builder()
            .name("Record Writer")
            .description("Writes the labelled flows and the cluster summaries.")
            .identifiesControllerService(RecordSetWriterFactory.class)
            .required(true)
            .build();

    public static final PropertyDescriptor EPSILON = new PropertyDescriptor.Builder()
            .name("Epsilon")
            .description("Radius of a flow's neighbourhood: the largest Euclidean distance, in percentage points, at "
                    + "which two distributions are neighbours (inclusive). Two distributions can be at most "
                    + "100 x sqrt 2, about 141.4, apart.")
            .addValidator(POSITIVE_NUMBER)
            .defaultValue(String.valueOf(FlowClusterer.DEFAULT_EPSILON))
            .required(true)
            .build();

    public static final PropertyDescriptor MIN_POINTS = new PropertyDescriptor.Builder()
            .name("Minimum Points")
            .description("How many flows within Epsilon make a flow a core point of a cluster. The flow itself is "
                    + "counted, as scikit-learn's min_samples does: with 5, a flow needs 4 neighbours. With 1 every "
                    + "flow is a core point and there is no noise.")
            .addValidator(StandardValidators.POSITIVE_INTEGER_VALIDATOR)
            .defaultValue(String.valueOf(FlowClusterer.DEFAULT_MIN_POINTS))
            .required(true)
            .build();

    public static final Relationship REL_SUCCESS = new Relationship.Builder()
            .name("success")
            .description("Every flow record of the input with its cluster, distance and similarity added.")
            .build();

    public static final Relationship REL_CLUSTERS = new Relationship.Builder()
            .name("clusters")
            .description("One record per cluster, the noise group (cluster -1) first when there is one.")
            .build();

    public static final Relationship REL_ORIGINAL = new Relationship.Builder()
            .name("original")
            .description("The input, unchanged, once it has been clustered.")
            .build();

    public static final Relationship REL_FAILURE = new Relationship.Builder()
            .name("failure")
            .description("Input whose records cannot be read or clustered, unchanged, with " + FAILURE_REASON + ".")
            .build();

    private static final List<PropertyDescriptor> PROPERTIES = List.of(RECORD_READER, RECORD_WRITER, EPSILON,
            MIN_POINTS);

    private static final Set<Relationship> RELATIONSHIPS = Set.of(REL_SUCCESS, REL_CLUSTERS, REL_ORIGINAL,
            REL_FAILURE);

    private static final ClusteringResult NO_FLOWS = new ClusteringResult(new int[0], new double[0], new double[0],
            List.of());

    @Override
    protected List<PropertyDescriptor> getSupportedPropertyDescriptors() {
        return PROPERTIES;
    }

    @Override
    public Set<Relationship> getRelationships() {
        return RELATIONSHIPS;
    }

    @Override
    public void onTrigger(ProcessContext context, ProcessSession session) throws ProcessException {
        FlowFile input = session.get();
        if (input == null) {
            return;
        }

        RecordReaderFactory readerFactory = context.getProperty(RECORD_READER)
                .asControllerService(RecordReaderFactory.class);
        RecordSetWriterFactory writerFactory = context.getProperty(RECORD_WRITER)
                .asControllerService(RecordSetWriterFactory.class);
        double epsilon = context.getProperty(EPSILON).asDouble();
        int minPoints = context.getProperty(MIN_POINTS).asInteger();

        ClusterInput flows;
        try (InputStream in = session.read(input);
             RecordReader reader = readerFactory.createRecordReader(input, in, getLogger())) {
            flows = ClusterInput.read(reader);
        } catch (MalformedRecordException | SchemaNotFoundException | IOException e) {
            // Content repository failures arrive as FlowFileAccessException and roll the session back; an
            // IOException here is the reader's parse error (JSON parsers raise IOExceptions).
            fail(session, input, "the records cannot be read: " + e.getMessage());
            return;
        } catch (FlowRecordException e) {
            fail(session, input, e.getMessage());
            return;
        }

        ClusteringResult result;
        try {
            result = flows.size() == 0 ? NO_FLOWS : new FlowClusterer(epsilon, minPoints).cluster(flows.histograms());
        } catch (IllegalArgumentException e) {
            fail(session, input, "the flows cannot be clustered: " + e.getMessage());
            return;
        }

        RecordSchema labelledSchema = ClusterRecordSchema.labelled(flows.schema());
        Iterable<Record> labelled = ClusterRecords.labelled(flows, result, labelledSchema);
        List<Record> summaries = ClusterRecords.summaries(flows, result, epsilon, minPoints);
        FlowFile labelledFlows = null;
        FlowFile clusters;
        try {
            labelledFlows = RecordChildren.write(session, input, writerFactory, labelledSchema, labelled,
                    getLogger());
            clusters = RecordChildren.write(session, input, writerFactory, ClusterRecordSchema.CLUSTERS, summaries,
                    getLogger());
        } catch (SchemaNotFoundException | IOException e) {
            if (labelledFlows != null) {
                session.remove(labelledFlows);
            }
            fail(session, input, "the Record Writer failed: " + e.getMessage());
            return;
        }

        Map<String, String> attributes = clusteringAttributes(result, epsilon, minPoints);
        session.transfer(session.putAllAttributes(labelledFlows, attributes), REL_SUCCESS);
        session.transfer(session.putAllAttributes(clusters, attributes), REL_CLUSTERS);
        session.transfer(input, REL_ORIGINAL);
        session.adjustCounter("Flows Clustered", flows.size(), false);
        getLogger().debug("Clustered {} flows of {} into {} clusters with {} noise flows", flows.size(), input,
                attributes.get(CLUSTER_COUNT), attributes.get(NOISE_FLOWS));
    }

    private static Map<String, String> clusteringAttributes(ClusteringResult result, double epsilon, int minPoints) {
        long clusters = result.clusters().stream().filter(cluster -> cluster.id() != ClusteringResult.NOISE).count();
        long noise = 0;
        for (int label : result.labels()) {
            if (label == ClusteringResult.NOISE) {
                noise++;
            }
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(CLUSTER_COUNT, String.valueOf(clusters));
        attributes.put(NOISE_FLOWS, String.valueOf(noise));
        attributes.put(EPSILON_ATTRIBUTE, String.valueOf(epsilon));
        attributes.put(MIN_POINTS_ATTRIBUTE, String.valueOf(minPoints));
        return attributes;
    }

    private void fail(ProcessSession session, FlowFile input, String reason) {
        getLogger().error("Routing {} to failure: {}", input, reason);
        session.transfer(session.putAttribute(input, FAILURE_REASON, reason), REL_FAILURE);
    }
}
