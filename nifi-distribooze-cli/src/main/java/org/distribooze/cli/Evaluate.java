package org.distribooze.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.distribooze.cluster.ClusteringResult;
import org.distribooze.cluster.Distance;
import org.distribooze.cluster.FlowClusterer;
import org.distribooze.decode.ExtractionOptions;
import org.distribooze.flow.Binning;
import org.distribooze.flow.FlowSummary;
import org.distribooze.flow.Transport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code evaluate} command: how well clusters match the protocols of labelled flows, as a Markdown table.
 */
@Command(
        name = "evaluate",
        customSynopsis = {"evaluate [--shared DIR]", "evaluate --flows FILE --labels FILE"},
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Without --flows: for every label file in DIR/pcaps/labels, reads its capture (DIR/bench/NAME.pcap or "
                    + "DIR/pcaps/seed/NAME.pcap), clusters its TCP flows in the original mode (Euclidean on "
                    + "percentages, eps 8, min points 5) and with the defaults (occupied bins, Jaccard, eps auto, "
                    + "min points 10, min packets 4), and scores both against the labels.",
            "",
            "With --flows: scores a clustering already made, a file of flows with src_ip, src_port, dst_ip, "
                    + "dst_port, packets and cluster (distribooze --json, or ClusterFlows' success records as JSON, "
                    + "one per line or in one array), against a label file.",
            "",
            "Scores are homogeneity, completeness, adjusted Rand index and purity, as scikit-learn computes them; "
                    + "noise flows and flows not clustered each count as a cluster of their own.",
            ""})
public final class Evaluate implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Distance> MODES = List.of(Distance.EUCLIDEAN_PERCENTAGES,
            Distance.JACCARD_OCCUPIED_BINS);

    @Option(names = "--shared", paramLabel = "DIR",
            description = "The shared test data folder, with pcaps/labels, pcaps/seed and bench (default: the one"
                    + " beside the project).")
    private Path shared = Path.of(System.getProperty("distribooze.shared.dir", "../shared"));

    @Option(names = "--flows", paramLabel = "FILE", description = "Flows already clustered, as JSON.")
    private Path flowsFile;

    @Option(names = "--labels", paramLabel = "FILE", description = "The labels to score --flows against.")
    private Path labelsFile;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command as {@code main} does, without exiting: returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        int exitCode = new CommandLine(new Evaluate()).setOut(outWriter).setErr(errWriter).execute(args);
        outWriter.flush();
        errWriter.flush();
        return exitCode;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (flowsFile != null || labelsFile != null) {
            if (flowsFile == null || labelsFile == null) {
                throw new ParameterException(spec.commandLine(), "--flows and --labels go together");
            }
            scoreFile(out);
        } else {
            scoreEveryLabelledCapture(out);
        }
        out.flush();
        return 0;
    }

    private void scoreFile(PrintWriter out) throws IOException {
        LabelFile labels = LabelFile.read(labelsFile);
        Evaluation evaluation = Evaluation.of(labels, readClusteredFlows(flowsFile));
        if (evaluation.flows() == 0) {
            // Scores over no flow at all would read as perfect; they mean the files do not belong together.
            throw new ParameterException(spec.commandLine(), "no flow of " + flowsFile + " has a label in "
                    + labelsFile + ": are they of the same capture?");
        }

        out.println("| flows | labelled | clusters | noise | not clustered | homogeneity | completeness "
                + "| adjusted Rand | purity |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        out.println(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s |", flowsFile.getFileName(),
                evaluation.flows(), evaluation.clusters(), evaluation.noise(), evaluation.unclustered(),
                scores(evaluation.scores())));
        notes(out, List.of(evaluation));
    }

    private void scoreEveryLabelledCapture(PrintWriter out) throws IOException {
        List<Path> labelFiles = labelFiles();
        CaptureFiles reader = new CaptureFiles(new ExtractionOptions(EnumSet.of(Transport.TCP), Binning.DEFAULT));

        out.println("| capture | flows | mode | eps | clusters | noise | not clustered | homogeneity | completeness "
                + "| adjusted Rand | purity |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        List<Evaluation> evaluations = new ArrayList<>();
        for (Path labelFile : labelFiles) {
            LabelFile labels = LabelFile.read(labelFile);
            Path capture = captureOf(labels.capture());
            List<CaptureFlow> flows = reader.readAll(List.of(capture), spec.commandLine().getErr()).flows();
            List<long[]> histograms = flows.stream().map(flow -> flow.flow().counts()).toList();

            for (Distance mode : MODES) {
                FlowClusterer clusterer = FlowClusterer.withDefaults(mode);
                ClusteringResult result = clusterer.cluster(histograms);
                Evaluation evaluation = Evaluation.of(labels, clustered(flows, result));
                evaluations.add(evaluation);
                out.println(String.format(Locale.ROOT, "| %s | %d | %s | %s | %d | %d | %d | %s |", labels.capture(),
                        evaluation.flows(), modeName(clusterer), result.epsilon(), evaluation.clusters(),
                        evaluation.noise(), evaluation.unclustered(), scores(evaluation.scores())));
            }
        }
        notes(out, evaluations);
    }

    // The biggest capture first: it is the one the goals are set on.
    private List<Path> labelFiles() throws IOException {
        Path folder = shared.resolve("pcaps").resolve("labels");
        if (!Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "no label folder at " + folder
                    + ": give the shared test data folder with --shared");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tsv"))
                    .sorted(Comparator.comparingLong(Evaluate::sizeOf).reversed())
                    .toList();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private Path captureOf(String name) {
        for (Path candidate : List.of(shared.resolve("bench").resolve(name + ".pcap"),
                shared.resolve("pcaps").resolve("seed").resolve(name + ".pcap"),
                shared.resolve("pcaps").resolve("seed").resolve(name + ".pcapng"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new ParameterException(spec.commandLine(), "no capture " + name + ".pcap in " + shared.resolve("bench")
                + " or " + shared.resolve("pcaps").resolve("seed"));
    }

    private static String modeName(FlowClusterer clusterer) {
        if (clusterer.distance() == Distance.EUCLIDEAN_PERCENTAGES) {
            return "original (Euclidean on %, min points " + clusterer.minPoints() + ")";
        }
        return "default (occupied bins, Jaccard, eps auto, min points " + clusterer.minPoints() + ", min packets "
                + clusterer.minPackets() + ")";
    }

    private static List<Evaluation.ClusteredFlow> clustered(List<CaptureFlow> flows, ClusteringResult result) {
        List<Evaluation.ClusteredFlow> clustered = new ArrayList<>(flows.size());
        for (int i = 0; i < flows.size(); i++) {
            FlowSummary flow = flows.get(i).flow();
            clustered.add(new Evaluation.ClusteredFlow(LabelFile.key(flow.sourceAddress(), flow.sourcePort(),
                    flow.destinationAddress(), flow.destinationPort()), flow.packets(), result.labels()[i]));
        }
        return clustered;
    }

    private static String scores(ClusterScores scores) {
        return String.format(Locale.ROOT, "%.3f | %.3f | %.3f | %.3f", scores.homogeneity(), scores.completeness(),
                scores.adjustedRand(), scores.purity());
    }

    private static void notes(PrintWriter out, List<Evaluation> evaluations) {
        out.println();
        out.println("Noise flows and flows not clustered each count as a cluster of their own in the scores.");
        int unlabelled = evaluations.stream().mapToInt(Evaluation::unlabelled).max().orElse(0);
        int packetsDiffer = evaluations.stream().mapToInt(Evaluation::packetsDiffer).max().orElse(0);
        if (unlabelled > 0) {
            out.println("Flows without a label are clustered but not scored: up to " + unlabelled + " per row.");
        }
        if (packetsDiffer > 0) {
            out.println("Up to " + packetsDiffer + " scored flows per row have another packet count than the label"
                    + " file gives.");
        }
    }

    /** Flows from a JSON file: one object per line, or one array of them. */
    static List<Evaluation.ClusteredFlow> readClusteredFlows(Path file) throws IOException {
        List<Evaluation.ClusteredFlow> flows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser parser = JSON.createParser(reader)) {
            JsonToken token = parser.nextToken();
            boolean array = token == JsonToken.START_ARRAY;
            if (array) {
                token = parser.nextToken();
            }
            while (token == JsonToken.START_OBJECT) {
                flows.add(clusteredFlow(JSON.readTree(parser), file, flows.size() + 1));
                token = parser.nextToken();
            }
            if (array ? token != JsonToken.END_ARRAY : token != null) {
                throw new IOException(file + ": expected JSON objects, one per line or in one array");
            }
        }
        return flows;
    }

    private static Evaluation.ClusteredFlow clusteredFlow(JsonNode node, Path file, int number) throws IOException {
        for (String field : List.of("src_ip", "src_port", "dst_ip", "dst_port", "packets", "cluster")) {
            if (!node.hasNonNull(field)) {
                throw new IOException(file + ": flow " + number + " has no " + field);
            }
        }
        return new Evaluation.ClusteredFlow(LabelFile.key(node.get("src_ip").asText(), node.get("src_port").asInt(),
                node.get("dst_ip").asText(), node.get("dst_port").asInt()), node.get("packets").asLong(),
                node.get("cluster").asInt());
    }
}
