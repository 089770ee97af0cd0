package org.distribooze.nifi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
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
import org.apache.nifi.annotation.documentation.MultiProcessorUseCase;
import org.apache.nifi.annotation.documentation.ProcessorConfiguration;
import org.apache.nifi.annotation.documentation.SeeAlso;
import org.apache.nifi.annotation.documentation.Tags;
import org.apache.nifi.annotation.documentation.UseCase;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.components.ValidationContext;
import org.apache.nifi.components.ValidationResult;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.flowfile.attributes.CoreAttributes;
import org.apache.nifi.processor.AbstractProcessor;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.processor.Relationship;
import org.apache.nifi.processor.exception.ProcessException;
import org.apache.nifi.processor.util.StandardValidators;
import org.apache.nifi.schema.access.SchemaNotFoundException;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.serialization.record.Record;
import org.distribooze.capture.NotACaptureException;
import org.distribooze.decode.ExtractionOptions;
import org.distribooze.decode.ExtractionResult;
import org.distribooze.decode.FlowExtractor;
import org.distribooze.flow.Binning;

@InputRequirement(Requirement.INPUT_REQUIRED)
@SupportsBatching
@SideEffectFree
@SystemResourceConsideration(resource = SystemResource.MEMORY,
        description = "Every flow of a capture, with its histogram, is held until the capture ends: memory grows "
                + "with the number of flows and bins, about 4 bytes per bin plus 90 per flow, and is bounded by "
                + "Maximum Flows. Packets are read one at a time, so a capture's size does not matter.")
@Tags({"pcap", "pcapng", "packet capture", "network", "flow", "histogram", "packet length", "record"})
@CapabilityDescription("Reads a packet capture (pcap, nanosecond pcap or pcapng) as a stream and writes one record per "
        + "unidirectional TCP or UDP flow, keyed by addresses, ports and transport, with a histogram of its packets' "
        + "IP lengths in fixed-width bins; the last bin holds every length from the Maximum Length up. Memory grows "
        + "with the number of flows, not with the size of the capture, and Maximum Flows bounds it. IP fragments "
        + "count in the flow of their datagram's first fragment. Packets that make no flow (not IP, another "
        + "transport, fragments without their first, cut short by the snapshot length, flows past Maximum Flows) "
        + "are counted in attributes, never dropped silently. Tunnels are "
        + "not unwrapped: a flow is keyed on the outermost IP header. Content that is not a "
        + "capture goes to failure with the reason; a capture that ends inside a packet record still succeeds, with "
        + "the packets before the cut, and is marked capture.truncated=true.")
@WritesAttributes({
        @WritesAttribute(attribute = RecordChildren.RECORD_COUNT, description = "Flows written (success only)"),
        @WritesAttribute(attribute = "mime.type", description = "The MIME type the Record Writer gives (success only)"),
        @WritesAttribute(attribute = CaptureAttributes.FORMAT,
                description = "PCAP, PCAP_NANOSECOND or PCAPNG (success and original)"),
        @WritesAttribute(attribute = CaptureAttributes.LINK_TYPES,
                description = "LINKTYPE numbers of the interfaces that carried packets, comma separated, "
                        + "e.g. 1 or 1,113"),
        @WritesAttribute(attribute = CaptureAttributes.TRUNCATED,
                description = "true when the capture ends inside a packet record, or reading stopped at a record "
                        + "that cannot be trusted; the complete packets before it were counted"),
        @WritesAttribute(attribute = CaptureAttributes.TRUNCATION,
                description = "When capture.truncated is true: where and why reading stopped"),
        @WritesAttribute(attribute = CaptureAttributes.PACKETS_READ, description = "Packet records read"),
        @WritesAttribute(attribute = CaptureAttributes.PACKETS_COUNTED, description = "Packets counted in a flow"),
        @WritesAttribute(attribute = CaptureAttributes.SKIPPED_NOT_IP,
                description = "Packets skipped because no IPv4 or IPv6 header was found under the link layer"),
        @WritesAttribute(attribute = CaptureAttributes.SKIPPED_OTHER_TRANSPORT,
                description = "IP packets skipped because their transport is not selected by the Transport property"),
        @WritesAttribute(attribute = CaptureAttributes.SKIPPED_UNATTRIBUTED_FRAGMENT,
                description = "IP fragments after the first skipped because their first fragment, which names "
                        + "the flow, was not seen"),
        @WritesAttribute(attribute = CaptureAttributes.SKIPPED_CUT_SHORT,
                description = "Packets skipped because the capture kept too few bytes to read their ports"),
        @WritesAttribute(attribute = CaptureAttributes.SKIPPED_FLOW_LIMIT,
                description = "Packets skipped because their flow was first seen when the capture already had "
                        + "Maximum Flows flows, later fragments of their datagrams included"),
        @WritesAttribute(attribute = CaptureAttributes.FLOWS_LIMIT_REACHED,
                description = "true when packets were skipped because of Maximum Flows: the records then hold "
                        + "only the first Maximum Flows flows of the capture"),
        @WritesAttribute(attribute = ExtractFlowHistograms.FAILURE_REASON,
                description = "Why the content is not a capture (failure only)")
})
@SeeAlso(ClusterFlows.class)
@UseCase(
        description = "Describe every flow of a packet capture by its packet-length histogram.",
        keywords = {"pcap", "flow", "histogram", "traffic profile"},
        configuration = """
                Set "Record Writer" to a writer of your choice,
                e.g. a JsonRecordSetWriter that inherits the record schema.
                Keep "Transport" at TCP to match the original tool, or choose UDP or TCP and UDP.
                Keep "Bin Width" 32 and "Maximum Length" 1504 for 48 bins;
                the Maximum Length must be a multiple of the Bin Width.
                Route success onwards, original to wherever captures are kept, and failure to a place someone looks at.
                """)
@MultiProcessorUseCase(
        description = "Cluster the flows of many packet captures by the shape of their packet-length distributions.",
        keywords = {"pcap", "dbscan", "cluster", "traffic classification"},
        configurations = {
                @ProcessorConfiguration(
                        processorClass = ExtractFlowHistograms.class,
                        configuration = """
                                Set "Record Writer" to a JsonRecordSetWriter.
                                Keep the binning properties the same for every capture.
                                Connect success to MergeRecord.
                                """),
                @ProcessorConfiguration(
                        processorClassName = "org.apache.nifi.processors.standard.MergeRecord",
                        configuration = """
                                Use a JsonTreeReader and a JsonRecordSetWriter.
                                Set "Minimum Number of Records" and "Max Bin Age"
                                to gather as many flows as one clustering run should see.
                                Connect merged to ClusterFlows.
                                """),
                @ProcessorConfiguration(
                        processorClass = ClusterFlows.class,
                        configuration = """
                                Use a JsonTreeReader and a JsonRecordSetWriter.
                                Keep "Epsilon" 8 and "Minimum Points" 5 to start with.
                                success carries every flow with its cluster; clusters carries one record per cluster.
                                """)
        })
public class ExtractFlowHistograms extends AbstractProcessor {

    static final String FAILURE_REASON = "extract.failure.reason";

    // Above 64 KiB only IPv6 jumbograms and offloaded segments remain: they belong in the overflow bin.
    private static final int LARGEST_LENGTH = 65536;

    public static final PropertyDescriptor RECORD_WRITER = new PropertyDescriptor.Builder()
            .name("Record Writer")
            .description("Writes the flow records of each capture.")
            .identifiesControllerService(RecordSetWriterFactory.class)
            .required(true)
            .build();

    public static final PropertyDescriptor TRANSPORT = new PropertyDescriptor.Builder()
            .name("Transport")
            .description("Which transport protocols make flows. Packets of other protocols are counted in "
                    + CaptureAttributes.SKIPPED_OTHER_TRANSPORT + ".")
            .allowableValues(TransportSelection.class)
            .defaultValue(TransportSelection.TCP)
            .required(true)
            .build();

    public static final PropertyDescriptor BIN_WIDTH = new PropertyDescriptor.Builder()
            .name("Bin Width")
            .description("Width in bytes of each histogram bin over the IP length (IPv4 total length, IPv6 payload "
                    + "length plus 40).")
            .addValidator(StandardValidators.createLongValidator(1, LARGEST_LENGTH, true))
            .defaultValue(String.valueOf(Binning.DEFAULT_WIDTH))
            .required(true)
            .build();

    public static final PropertyDescriptor MAXIMUM_LENGTH = new PropertyDescriptor.Builder()
            .name("Maximum Length")
            .description("IP length from which every packet falls in the last bin. Must be a multiple of the Bin "
                    + "Width; a histogram has Maximum Length / Bin Width + 1 bins, 48 with the defaults.")
            .addValidator(StandardValidators.createLongValidator(1, LARGEST_LENGTH, true))
            .defaultValue(String.valueOf(Binning.DEFAULT_MAX_LENGTH))
            .required(true)
            .build();

    public static final PropertyDescriptor MAXIMUM_FLOWS = new PropertyDescriptor.Builder()
            .name("Maximum Flows")
            .description("At most this many flows are kept per capture, which bounds the memory one capture can take "
                    + "(per flow about 4 bytes per bin plus 90: 290 bytes with 48 bins). The first flows seen are "
                    + "kept whole; packets of flows first seen after the limit is reached are skipped, counted in "
                    + CaptureAttributes.SKIPPED_FLOW_LIMIT + ", and " + CaptureAttributes.FLOWS_LIMIT_REACHED
                    + " is set to true.")
            .addValidator(StandardValidators.createLongValidator(1, Integer.MAX_VALUE, true))
            .defaultValue(String.valueOf(ExtractionOptions.DEFAULT_MAX_FLOWS))
            .required(true)
            .build();

    public static final Relationship REL_SUCCESS = new Relationship.Builder()
            .name("success")
            .description("A new FlowFile with one record per flow of the capture.")
            .build();

    public static final Relationship REL_ORIGINAL = new Relationship.Builder()
            .name("original")
            .description("The capture, unchanged apart from the packet accounting attributes, once its flows "
                    + "are written.")
            .build();

    public static final Relationship REL_FAILURE = new Relationship.Builder()
            .name("failure")
            .description("Content that is not a packet capture, unchanged, with " + FAILURE_REASON + " saying why.")
            .build();

    private static final List<PropertyDescriptor> PROPERTIES = List.of(RECORD_WRITER, TRANSPORT, BIN_WIDTH,
            MAXIMUM_LENGTH, MAXIMUM_FLOWS);

    private static final Set<Relationship> RELATIONSHIPS = Set.of(REL_SUCCESS, REL_ORIGINAL, REL_FAILURE);

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
        Integer width = context.getProperty(BIN_WIDTH).asInteger();
        Integer maxLength = context.getProperty(MAXIMUM_LENGTH).asInteger();
        if (width == null || maxLength == null || width < 1 || maxLength < 1) {
            return results;
        }

        if (maxLength % width != 0) {
            int lower = maxLength / width * width;
            int upper = lower + width;
            String nearest = lower > 0 ? lower + " or " + upper : String.valueOf(upper);
            results.add(new ValidationResult.Builder()
                    .subject(MAXIMUM_LENGTH.getDisplayName())
                    .input(String.valueOf(maxLength))
                    .valid(false)
                    .explanation("Maximum Length " + maxLength + " is not a multiple of Bin Width " + width
                            + "; the nearest multiples are " + nearest)
                    .build());
        }

        int bins = maxLength / width + 1;
        if (bins > Binning.MAX_BINS) {
            results.add(new ValidationResult.Builder()
                    .subject(BIN_WIDTH.getDisplayName())
                    .input(String.valueOf(width))
                    .valid(false)
                    .explanation("Bin Width " + width + " and Maximum Length " + maxLength + " make " + bins
                            + " bins; every flow keeps a counter per bin, so at most " + Binning.MAX_BINS
                            + " are allowed")
                    .build());
        }
        return results;
    }

    @Override
    public void onTrigger(ProcessContext context, ProcessSession session) throws ProcessException {
        FlowFile capture = session.get();
        if (capture == null) {
            return;
        }

        RecordSetWriterFactory writerFactory = context.getProperty(RECORD_WRITER)
                .asControllerService(RecordSetWriterFactory.class);
        FlowExtractor extractor = new FlowExtractor(optionsFrom(context));

        ExtractionResult extraction;
        try (InputStream in = session.read(capture)) {
            extraction = extractor.extract(in);
        } catch (NotACaptureException e) {
            fail(session, capture, "not a packet capture: " + e.getMessage());
            return;
        } catch (IOException e) {
            // Content repository failures arrive as FlowFileAccessException and roll the session back; an
            // IOException here was raised while decoding the content, so it is the capture's fault.
            fail(session, capture, "the capture cannot be read: " + e.getMessage());
            return;
        }

        Map<String, String> accounting = CaptureAttributes.of(extraction.stats());
        String captureFile = capture.getAttribute(CoreAttributes.FILENAME.key());
        // Built one by one as the writer asks, so the flows are not held twice.
        Iterable<Record> records = () -> extraction.flows().stream()
                .map(flow -> FlowRecords.of(flow, captureFile))
                .iterator();

        FlowFile flows;
        try {
            flows = RecordChildren.write(session, capture, writerFactory, FlowRecordSchema.SCHEMA, records,
                    getLogger());
        } catch (SchemaNotFoundException | IOException e) {
            fail(session, capture, "the Record Writer failed: " + e.getMessage());
            return;
        }

        flows = session.putAllAttributes(flows, accounting);
        session.transfer(flows, REL_SUCCESS);
        session.transfer(session.putAllAttributes(capture, accounting), REL_ORIGINAL);
        session.adjustCounter("Captures Read", 1, false);
        session.adjustCounter("Flows Extracted", extraction.flows().size(), false);
        getLogger().debug("Extracted {} flows from {} ({} of {} packets counted)", extraction.flows().size(), capture,
                extraction.stats().packetsCounted(), extraction.stats().packetsRead());
        if (extraction.stats().flowLimitReached()) {
            getLogger().warn("{} has more flows than Maximum Flows {}: kept the first {}, skipped {} packets of later "
                    + "flows", capture, context.getProperty(MAXIMUM_FLOWS).getValue(), extraction.flows().size(),
                    extraction.stats().skippedFlowLimit());
        }
    }

    private static ExtractionOptions optionsFrom(ProcessContext context) {
        TransportSelection transport = context.getProperty(TRANSPORT).asAllowableValue(TransportSelection.class);
        Binning binning = new Binning(context.getProperty(BIN_WIDTH).asInteger(),
                context.getProperty(MAXIMUM_LENGTH).asInteger());
        return new ExtractionOptions(transport.transports(), binning, context.getProperty(MAXIMUM_FLOWS).asInteger());
    }

    private void fail(ProcessSession session, FlowFile capture, String reason) {
        getLogger().error("Routing {} to failure: {}", capture, reason);
        session.transfer(session.putAttribute(capture, FAILURE_REASON, reason), REL_FAILURE);
    }
}
