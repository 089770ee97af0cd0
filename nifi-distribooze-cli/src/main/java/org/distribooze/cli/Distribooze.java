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
import java.util.concurrent.Callable;

import org.distribooze.cluster.ClusteringResult;
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
        customSynopsis = "distribooze [-e EPS] [-m MIN] [-t tcp|udp|both] [--json FILE] CAPTURE...",
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Builds one unidirectional flow per 5-tuple from every CAPTURE (pcap or pcapng), histograms each flow's "
                    + "IP packet lengths in 32-byte bins (the last bin holds 1504 bytes and more), and clusters "
                    + "all flows of all captures together with DBSCAN over their percentage distributions.",
            "",
            "Prints one line of packet accounting per capture, then each cluster (the noise group last) with its "
                    + "average distribution, in percent per non-empty bin, and one line per flow: capture, "
                    + "endpoints, transport, packets, cluster and Euclidean distance to the cluster's centroid.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every capture was read",
            "1:the JSON output could not be written, or an internal error",
            "2:a usage error, or a capture that could not be read (not a capture, missing, unreadable): "
                    + "the reason is printed and the other captures are still read, clustered and reported"})
public final class Distribooze implements Callable<Integer> {

    private static final String STANDARD_OUTPUT = "-";

    @Option(names = "-e", paramLabel = "EPS",
            description = "DBSCAN radius, in percentage points of Euclidean distance (default: ${DEFAULT-VALUE}).")
    private double epsilon = FlowClusterer.DEFAULT_EPSILON;

    @Option(names = "-m", paramLabel = "MIN",
            description = "Flows within EPS, the flow itself counted, that make a core flow "
                    + "(default: ${DEFAULT-VALUE}).")
    private int minPoints = FlowClusterer.DEFAULT_MIN_POINTS;

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
        checkClusteringParameters();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExtractionOptions options = new ExtractionOptions(transports.transports(), Binning.DEFAULT);

        CaptureFiles.Captures read = new CaptureFiles(options).readAll(captures, err);

        ClusteringResult clustering = cluster(read.flows());

        if (jsonTarget != null && !writeJson(read.flows(), clustering, out, err)) {
            return 1;
        }

        if (!STANDARD_OUTPUT.equals(jsonTarget)) {
            new ClusterReport(new Distributions(options.binning())).write(read, clustering, out);
        }
        return read.unreadable() > 0 ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.OK;
    }

    private void checkClusteringParameters() {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new ParameterException(spec.commandLine(), "EPS must be a positive number, got " + epsilon);
        }
        if (minPoints < 1) {
            throw new ParameterException(spec.commandLine(), "MIN must be at least 1, got " + minPoints);
        }
    }

    private ClusteringResult cluster(List<CaptureFlow> flows) {
        if (flows.isEmpty()) {
            return new ClusteringResult(new int[0], new double[0], new double[0], List.of());
        }

        List<long[]> histograms = new ArrayList<>(flows.size());
        for (CaptureFlow flow : flows) {
            histograms.add(flow.flow().counts());
        }
        return new FlowClusterer(epsilon, minPoints).cluster(histograms);
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
