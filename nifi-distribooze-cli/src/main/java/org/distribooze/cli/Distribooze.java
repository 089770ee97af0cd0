package org.distribooze.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.distribooze.cluster.ClusteringResult;
import org.distribooze.cluster.Distance;
import org.distribooze.cluster.Epsilon;
import org.distribooze.cluster.FlowClusterer;
import org.distribooze.decode.ExtractionOptions;
import org.distribooze.flow.Binning;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code distribooze} command: captures in, clusters of flows and each flow's distance out. */
@Command(
        name = "distribooze",
        customSynopsis = {"distribooze [--distance jaccard|euclidean] [-e auto|EPS] [-m MIN] [--min-packets N]",
            "                   [-t tcp|udp|both] [--json FILE] CAPTURE..."},
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Builds one unidirectional flow per 5-tuple from every CAPTURE (pcap or pcapng), histograms each flow's "
                    + "IP packet lengths in 32-byte bins (the last bin holds 1504 bytes and more), and clusters "
                    + "all flows of all captures together with DBSCAN.",
            "",
            "By default a flow is the set of bins its packets occupy, compared by Jaccard distance, with a radius "
                    + "worked out from the flows (printed with the clusters); flows of fewer than 4 packets are not "
                    + "clustered. --distance euclidean alone gives the original tool's clustering: Euclidean "
                    + "distance on percentage distributions, EPS 8, MIN 5, every flow clustered.",
            "",
            "Prints one line of packet accounting per capture, then each cluster (the noise group and the flows "
                    + "not clustered last) with its average distribution, in percent per non-empty bin, and one line "
                    + "per flow: capture, endpoints, transport, packets, cluster (-1 noise, -2 not clustered) and "
                    + "Euclidean distance of its distribution to its group's centroid.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every capture was read",
            "1:the JSON output could not be written, or an internal error",
            "2:a usage error, or a capture that could not be read (not a capture, missing, unreadable): "
                    + "the reason is printed and the other captures are still read, clustered and reported"})
public final class Distribooze implements Callable<Integer> {

    private static final String STANDARD_OUTPUT = "-";

    @Option(names = "--distance", paramLabel = "jaccard|euclidean",
            description = "What flows are compared by: jaccard, the sets of bins their packets occupy (default), or "
                    + "euclidean, their distributions in percent (the original tool's).")
    private DistanceChoice distance = DistanceChoice.JACCARD;

    @Option(names = "-e", paramLabel = "auto|EPS",
            description = "DBSCAN radius: auto (worked out from the flows; jaccard only), a number (0 to 1 for "
                    + "jaccard, percentage points for euclidean) or a fraction such as 1/3 (default: auto for "
                    + "jaccard, 8 for euclidean).")
    private String epsilon;

    @Option(names = "-m", paramLabel = "MIN",
            description = "Flows within EPS, the flow itself counted, that make a core flow (default: 10 for "
                    + "jaccard, 5 for euclidean).")
    private Integer minPoints;

    @Option(names = "--min-packets", paramLabel = "N",
            description = "Flows with fewer packets are not clustered; they are reported with cluster -2 "
                    + "(default: 4 for jaccard, 1 for euclidean).")
    private Integer minPackets;

    @Option(names = "-t", paramLabel = "tcp|udp|both",
            description = "Transports that make flows (default: tcp).")
    private TransportChoice transports = TransportChoice.TCP;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write one JSON object per flow and line to FILE; with - write them to standard "
                    + "output instead of the report.")
    private String jsonTarget;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    @Parameters(paramLabel = "CAPTURE", arity = "1..*", description = "pcap or pcapng files.")
    private List<Path> captures;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command as {@code main} does, without exiting: returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
        CommandLine command = new CommandLine(new Distribooze())
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Distribooze::usageError);

        int exitCode = command.execute(args);

        outWriter.flush();
        errWriter.flush();
        return exitCode;
    }

    /**
     * Without any argument the whole help is the answer; after a mistake, the reason and the synopsis are
     * enough and keep the reason in sight.
     */
    private static int usageError(ParameterException mistake, String[] args) {
        CommandLine command = mistake.getCommandLine();
        PrintWriter err = command.getErr();
        if (args.length == 0) {
            command.usage(err);
        } else {
            err.println("distribooze: " + mistake.getMessage());
            err.print("Usage: " + command.getHelp().synopsis(0));
            err.println("Try 'distribooze --help' for more.");
        }
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    @Override
    public Integer call() {
        FlowClusterer clusterer = clusterer();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExtractionOptions options = new ExtractionOptions(transports.transports(), Binning.DEFAULT);

        CaptureFiles.Captures read = new CaptureFiles(options).readAll(captures, err);

        ClusteringResult clustering = cluster(clusterer, read.flows());

        if (jsonTarget != null && !writeJson(read.flows(), clustering, out, err)) {
            return 1;
        }

        if (!STANDARD_OUTPUT.equals(jsonTarget)) {
            new ClusterReport(new Distributions(options.binning())).write(read, clusterer, clustering, out);
        }
        return read.unreadable() > 0 ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.OK;
    }

    /** The clusterer the options ask for, each option not given taking the chosen distance's default. */
    private FlowClusterer clusterer() {
        Distance chosen = distance.distance();
        Epsilon radius = chosen.defaultEpsilon();
        if (epsilon != null) {
            try {
                radius = Epsilon.parse(epsilon);
            } catch (IllegalArgumentException e) {
                throw usage("EPS must be a positive number, a fraction such as 1/3, or auto; got " + epsilon);
            }
            if (!radius.isAuto() && !(radius.value() > 0)) {
                throw usage("EPS must be a positive number, a fraction such as 1/3, or auto; got " + epsilon);
            }
        }
        int min = minPoints == null ? chosen.defaultMinPoints() : minPoints;
        if (min < 1) {
            throw usage("MIN must be at least 1, got " + min);
        }
        int packets = minPackets == null ? chosen.defaultMinPackets() : minPackets;
        if (packets < 1) {
            throw usage("--min-packets must be at least 1, got " + packets);
        }

        try {
            return new FlowClusterer(chosen, radius, min, packets);
        } catch (IllegalArgumentException e) {
            throw usage("-e " + epsilon + " does not suit --distance " + distance.name().toLowerCase(Locale.ROOT)
                    + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static ClusteringResult cluster(FlowClusterer clusterer, List<CaptureFlow> flows) {
        List<long[]> histograms = new ArrayList<>(flows.size());
        for (CaptureFlow flow : flows) {
            histograms.add(flow.flow().counts());
        }
        return clusterer.cluster(histograms);
    }

    private boolean writeJson(List<CaptureFlow> flows, ClusteringResult clustering, PrintWriter out, PrintWriter err) {
        FlowJsonWriter json = new FlowJsonWriter();
        if (STANDARD_OUTPUT.equals(jsonTarget)) {
            try {
                json.write(flows, clustering, out);
                return true;
            } catch (IOException e) {
                err.println("distribooze: cannot write JSON to standard output: " + e.getMessage());
                return false;
            }
        }

        try (Writer file = Files.newBufferedWriter(Path.of(jsonTarget), StandardCharsets.UTF_8)) {
            json.write(flows, clustering, file);
            return true;
        } catch (IOException e) {
            err.println("distribooze: cannot write JSON to " + jsonTarget + ": " + e.getMessage());
            return false;
        }
    }
}
