package org.distribooze.nifi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
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
import org.apache.nifi.components.ValidationContext;
import org.apache.nifi.components.ValidationResult;
import org.apache.nifi.components.Validator;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.migration.PropertyConfiguration;
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
import org.distribooze.cluster.Distance;
import org.distribooze.cluster.Epsilon;
import org.distribooze.cluster.FlowClusterer;

@InputRequirement(Requirement.INPUT_REQUIRED)
@SupportsBatching
@SideEffectFree
@SystemResourceConsideration(resource = SystemResource.MEMORY,
        description = "Every record of a FlowFile is held in memory while its flows are clustered. Flows with the "
                + "same feature are clustered once, so the clustering itself needs memory for the distinct features "
                + "and a few numbers per flow; its time grows with the square of the distinct features at worst.")
@Tags({"flow", "histogram", "packet length", "cluster", "dbscan", "network", "traffic classification", "record"})
@CapabilityDescription("Clusters flow records, such as ExtractFlowHistograms writes and MergeRecord gathers, "
        + "with DBSCAN over their packet-length histograms. By default each flow is the set of histogram bins its "
        + "packets occupy, compared by Jaccard distance with a radius worked out from the flows; the original tool's "
        + "Euclidean distance on percentages remains available. Writes every flow again with its cluster (-1 for "
        + "noise, -2 for flows with fewer packets than Minimum Packets, which are not clustered), its distance to its "
        + "group's centroid and a similarity, and one summary record per group. A record needs a histogram field "
        + "(an array of counts, every record with as many bins); its packets field is used when present. All records "
        + "of one FlowFile are clustered together, so merge the flows to compare first.")
@WritesAttributes({
        @WritesAttribute(attribute = RecordChildren.RECORD_COUNT,
                description = "Records written (success and clusters)"),
        @WritesAttribute(attribute = "mime.type", description = "The MIME type the Record Writer gives"),
        @WritesAttribute(attribute = ClusterFlows.CLUSTER_COUNT, description = "Clusters found, noise not counted"),
        @WritesAttribute(attribute = ClusterFlows.NOISE_FLOWS, description = "Flows that are noise"),
        @WritesAttribute(attribute = ClusterFlows.UNCLUSTERED_FLOWS,
                description = "Flows not clustered for having fewer packets than Minimum Packets"),
        @WritesAttribute(attribute = ClusterFlows.DISTANCE_ATTRIBUTE, description = "The Distance used"),
        @WritesAttribute(attribute = ClusterFlows.EPSILON_ATTRIBUTE,
                description = "The Epsilon used, the one worked out when it is auto, as a decimal number"),
        @WritesAttribute(attribute = ClusterFlows.EPSILON_FRACTION_ATTRIBUTE,
                description = "The Epsilon used as an exact fraction such as 1/3, when it is one (auto or a fraction)"),
        @WritesAttribute(attribute = ClusterFlows.MIN_POINTS_ATTRIBUTE, description = "The Minimum Points used"),
        @WritesAttribute(attribute = ClusterFlows.MIN_PACKETS_ATTRIBUTE, description = "The Minimum Packets used"),
        @WritesAttribute(attribute = ClusterFlows.FAILURE_REASON,
                description = "Why the records could not be clustered (failure only)")
})
@SeeAlso(ExtractFlowHistograms.class)
@UseCase(
        description = "Group flows whose packet-length distributions look alike, and find the flows that fit no group.",
        keywords = {"dbscan", "cluster", "flow", "histogram", "anomaly"},
        configuration = """
                Set "Record Reader" and "Record Writer", e.g. a JsonTreeReader and a JsonRecordSetWriter.
                Keep the defaults: "Distance" Occupied bins (Jaccard), "Epsilon" auto, "Minimum Points" 10,
                "Minimum Packets" 4. For the original tool's clusters set "Distance" to Euclidean on percentages,
                "Epsilon" 8, "Minimum Points" 5 and "Minimum Packets" 1.
                A smaller Epsilon or a larger Minimum Points makes more flows noise.
                Route success to where labelled flows go, clusters to where cluster summaries go,
                and failure to a place someone looks at.
                """)
public class ClusterFlows extends AbstractProcessor {

    static final String CLUSTER_COUNT = "cluster.count";
    static final String NOISE_FLOWS = "cluster.noise.flows";
    static final String UNCLUSTERED_FLOWS = "cluster.unclustered.flows";
    static final String DISTANCE_ATTRIBUTE = "cluster.distance";
    static final String EPSILON_ATTRIBUTE = "cluster.epsilon";
    static final String EPSILON_FRACTION_ATTRIBUTE = "cluster.epsilon.fraction";
    static final String MIN_POINTS_ATTRIBUTE = "cluster.min.points";
    static final String MIN_PACKETS_ATTRIBUTE = "cluster.min.packets";
    static final String FAILURE_REASON = "cluster.failure.reason";

    private static final Validator AUTO_OR_POSITIVE_NUMBER = (subject, input, context) -> {
        boolean valid;
        try {
            Epsilon epsilon = Epsilon.parse(input);
            valid = epsilon.isAuto() || epsilon.value() > 0;
        } catch (IllegalArgumentException | NullPointerException e) {
            valid = false;
        }
        return new ValidationResult.Builder().subject(subject).input(input).valid(valid)
                .explanation(valid ? null : "must be auto, a number greater than 0 or a fraction such as 1/3, got "
                        + input).build();
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

    public static final PropertyDescriptor DISTANCE = new PropertyDescriptor.Builder()
            .name("Distance")
            .description("What flows are compared by. Flows saved before this property existed keep Euclidean on "
                    + "percentages, the only distance there was.")
            .allowableValues(ClusteringDistance.class)
            .defaultValue(ClusteringDistance.JACCARD_OCCUPIED_BINS)
            .required(true)
            .build();

    public static final PropertyDescriptor EPSILON = new PropertyDescriptor.Builder()
            .name("Epsilon")
            .description("Radius of a flow's neighbourhood: the largest distance at which two flows are neighbours "
                    + "(inclusive). auto works it out from the flows, for Occupied bins (Jaccard) only: the median, "
                    + "weighted by flows, of each distinct set of bins' distance to the nearest other set, at "
                    + "most 1/2; the value used is written to " + EPSILON_ATTRIBUTE + ". Otherwise a number: "
                    + "from 0 to 1 for Occupied bins (a fraction such as 1/3 is exact), in percentage points for "
                    + "Euclidean on percentages (two distributions are at most 100 x sqrt 2, about 141.4, apart).")
            .addValidator(AUTO_OR_POSITIVE_NUMBER)
            .defaultValue("auto")
            .required(true)
            .build();

    public static final PropertyDescriptor MIN_POINTS = new PropertyDescriptor.Builder()
            .name("Minimum Points")
            .description("How many flows within Epsilon make a flow a core point of a cluster. The flow itself is "
                    + "counted, as scikit-learn's min_samples does: with 10, a flow needs 9 neighbours. With 1 every "
                    + "clustered flow is a core point and there is no noise. The original tool used 5.")
            .addValidator(StandardValidators.POSITIVE_INTEGER_VALIDATOR)
            .defaultValue(String.valueOf(Distance.JACCARD_OCCUPIED_BINS.defaultMinPoints()))
            .required(true)
            .build();

    public static final PropertyDescriptor MIN_PACKETS = new PropertyDescriptor.Builder()
            .name("Minimum Packets")
            .description("Flows with fewer packets in their histogram are not clustered, since a distribution of two "
                    + "or three packets says little: they are written with cluster -2, measured against the mean of "
                    + "their own group, and neither count towards Minimum Points nor move an automatic Epsilon. With 1 "
                    + "every flow is clustered, as in the original tool.")
            .addValidator(StandardValidators.POSITIVE_INTEGER_VALIDATOR)
            .defaultValue(String.valueOf(Distance.JACCARD_OCCUPIED_BINS.defaultMinPackets()))
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

    private static final List<PropertyDescriptor> PROPERTIES = List.of(RECORD_READER, RECORD_WRITER, DISTANCE,
            EPSILON, MIN_POINTS, MIN_PACKETS);

    private static final Set<Relationship> RELATIONSHIPS = Set.of(REL_SUCCESS, REL_CLUSTERS, REL_ORIGINAL,
            REL_FAILURE);

    @Override
    protected List<PropertyDescriptor> getSupportedPropertyDescriptors() {
        return PROPERTIES;
    }

    @Override
    public Set<Relationship> getRelationships() {
        return RELATIONSHIPS;
    }

    @Override
    protected Collection<ValidationResult> customValidate(ValidationContext context) {
        List<ValidationResult> results = new ArrayList<>();
        String epsilonText = context.getProperty(EPSILON).getValue();
        ClusteringDistance distance = context.getProperty(DISTANCE).asAllowableValue(ClusteringDistance.class);
        if (epsilonText == null || distance == null) {
            return results;
        }

        try {
            new FlowClusterer(distance.distance(), Epsilon.parse(epsilonText), 1, 1);
        } catch (IllegalArgumentException e) {
            results.add(new ValidationResult.Builder().subject(EPSILON.getDisplayName()).input(epsilonText)
                    .valid(false).explanation("does not suit Distance " + distance.getDisplayName() + ": "
                            + e.getMessage()).build());
        }
        return results;
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
        FlowClusterer clusterer = new FlowClusterer(
                context.getProperty(DISTANCE).asAllowableValue(ClusteringDistance.class).distance(),
                Epsilon.parse(context.getProperty(EPSILON).getValue()),
                context.getProperty(MIN_POINTS).asInteger(),
                context.getProperty(MIN_PACKETS).asInteger());

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
            result = clusterer.cluster(flows.histograms());
        } catch (IllegalArgumentException e) {
            fail(session, input, "the flows cannot be clustered: " + e.getMessage());
            return;
        }

        RecordSchema labelledSchema = ClusterRecordSchema.labelled(flows.schema());
        Iterable<Record> labelled = ClusterRecords.labelled(flows, result, labelledSchema);
        List<Record> summaries = ClusterRecords.summaries(flows, result, clusterer);
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

        Map<String, String> attributes = clusteringAttributes(result, clusterer);
        session.transfer(session.putAllAttributes(labelledFlows, attributes), REL_SUCCESS);
        session.transfer(session.putAllAttributes(clusters, attributes), REL_CLUSTERS);
        session.transfer(input, REL_ORIGINAL);
        session.adjustCounter("Flows Clustered", flows.size(), false);
        getLogger().debug("Clustered {} flows of {} into {} clusters with {} noise flows", flows.size(), input,
                attributes.get(CLUSTER_COUNT), attributes.get(NOISE_FLOWS));
    }

    /**
     * Flows saved before Distance existed clustered by Euclidean distance on percentages with Epsilon 8 and Minimum
     * Points 5 unless told otherwise, and clustered every flow: they keep doing so.
     */
    @Override
    public void migrateProperties(PropertyConfiguration config) {
        if (config.hasProperty(DISTANCE)) {
            return;
        }
        Distance original = Distance.EUCLIDEAN_PERCENTAGES;
        config.setProperty(DISTANCE, ClusteringDistance.EUCLIDEAN_PERCENTAGES.getValue());
        if (!config.isPropertySet(EPSILON)) {
            config.setProperty(EPSILON, String.valueOf(original.defaultEpsilon().value()));
        }
        if (!config.isPropertySet(MIN_POINTS)) {
            config.setProperty(MIN_POINTS, String.valueOf(original.defaultMinPoints()));
        }
        if (!config.isPropertySet(MIN_PACKETS)) {
            config.setProperty(MIN_PACKETS, String.valueOf(original.defaultMinPackets()));
        }
    }

    private static Map<String, String> clusteringAttributes(ClusteringResult result, FlowClusterer clusterer) {
        long clusters = result.clusters().stream().filter(cluster -> cluster.id() >= 0).count();
        long noise = 0;
        long unclustered = 0;
        for (int label : result.labels()) {
            if (label == ClusteringResult.NOISE) {
                noise++;
            } else if (label == ClusteringResult.UNCLUSTERED) {
                unclustered++;
            }
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(CLUSTER_COUNT, String.valueOf(clusters));
        attributes.put(NOISE_FLOWS, String.valueOf(noise));
        attributes.put(UNCLUSTERED_FLOWS, String.valueOf(unclustered));
        attributes.put(DISTANCE_ATTRIBUTE, clusterer.distance().name());
        attributes.put(EPSILON_ATTRIBUTE, String.valueOf(result.epsilon().value()));
        result.epsilon().fraction().ifPresent(fraction -> attributes.put(EPSILON_FRACTION_ATTRIBUTE, fraction));
        attributes.put(MIN_POINTS_ATTRIBUTE, String.valueOf(clusterer.minPoints()));
        attributes.put(MIN_PACKETS_ATTRIBUTE, String.valueOf(clusterer.minPackets()));
        return attributes;
    }

    private void fail(ProcessSession session, FlowFile input, String reason) {
        getLogger().error("Routing {} to failure: {}", input, reason);
        session.transfer(session.putAttribute(input, FAILURE_REASON, reason), REL_FAILURE);
    }
}
