package org.distribooze.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.nifi.stateless.config.StatelessConfigurationException;

/**
 * distribooze-engine: captures in, templates/pcap-to-clusters.json run by NiFi's own Stateless engine, flow and
 * cluster JSON files out, and a short cluster report. The captures are linked into a folder the template's
 * ListFile reads, so the template runs exactly as it would on a NiFi server.
 */
public final class EngineCommand {

    static final String USAGE = "usage: distribooze-engine [--distance euclidean|jaccard] [-e auto|EPSILON]"
            + " [-m MIN_POINTS] [--min-packets N] [-t tcp|udp|both] [-o OUTPUT_DIR] [-f FLOW_DEFINITION]"
            + " [--] CAPTURE|FOLDER...";
    static final String HELP = "Runs templates/pcap-to-clusters.json (or FLOW_DEFINITION) in NiFi's Stateless engine"
            + " on the captures given;\nwrites flows/, clusters/, failures/ and notices/ under OUTPUT_DIR (default"
            + " distribooze-out) and prints a cluster report.\nThe template clusters as the original tool did"
            + " (euclidean, -e 8 -m 5 --min-packets 1); --distance jaccard\nswitches to the occupied bins, whose"
            + " unset options then default to -e auto -m 10 --min-packets 4.\nA folder gives its visible regular"
            + " files; its sub-folders are not searched. -- ends the options, for a capture named -x.pcap.";
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");
    private static final Pattern FRACTION = Pattern.compile("(\\d+)/(\\d+)");

    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<Path> captures = new ArrayList<>();
    private Path output = Path.of("distribooze-out");
    private Path flowDefinition;

    private EngineCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        EngineCommand command = new EngineCommand();
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.println(USAGE);
            out.println(HELP);
            return 0;
        }
        try {
            command.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        RunOutputs outputs;
        try {
            outputs = command.outputFolders();
        } catch (IOException e) {
            err.println("distribooze-engine: " + e.getMessage());
            return 2;
        }
        try {
            return command.execute(outputs, out, err);
        } catch (IOException | StatelessConfigurationException | RuntimeException e) {
            err.println("distribooze-engine: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private void parse(String[] args) {
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded) {
                captures.add(Path.of(arg));
                continue;
            }
            switch (arg) {
                case "--" -> optionsEnded = true;
                case "--distance" -> parameters.put("distance", distance(value(args, ++i, arg)));
                case "-e", "--epsilon" -> parameters.put("epsilon", value(args, ++i, arg));
                case "-m", "--min-points" -> parameters.put("min.points", count(value(args, ++i, arg), arg));
                case "--min-packets" -> parameters.put("min.packets", count(value(args, ++i, arg), arg));
                case "-t", "--transport" -> parameters.put("transport", transport(value(args, ++i, arg)));
                case "-o", "--output" -> output = Path.of(nonEmpty(value(args, ++i, arg), arg));
                case "-f", "--flow" -> flowDefinition = Path.of(nonEmpty(value(args, ++i, arg), arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    captures.add(Path.of(arg));
                }
            }
        }
        if (captures.isEmpty()) {
            throw new IllegalArgumentException("no capture given");
        }
        for (Path capture : captures) {
            if (!Files.exists(capture)) {
                throw new IllegalArgumentException("no such capture or folder: " + InboxNames.printable(capture));
            }
            if (!Files.isRegularFile(capture) && !Files.isDirectory(capture)) {
                throw new IllegalArgumentException(CaptureInbox.notACapture(capture));
            }
        }
        if (flowDefinition != null) {
            checkFlowDefinition(flowDefinition);
        }

        // Checked here, before the engine spends seconds starting, rather than by ClusterFlows' validation.
        boolean jaccard = "JACCARD_OCCUPIED_BINS".equals(parameters.get("distance"));
        if (jaccard) {
            parameters.putIfAbsent("epsilon", "auto");
            parameters.putIfAbsent("min.points", "10");
            parameters.putIfAbsent("min.packets", "4");
        }
        String epsilon = parameters.get("epsilon");
        if (epsilon != null) {
            checkEpsilon(epsilon, jaccard);
        }
    }

    private static void checkFlowDefinition(Path definition) {
        if (!Files.exists(definition)) {
            throw new IllegalArgumentException("-f " + definition + ": no such flow definition");
        }
        if (!Files.isRegularFile(definition)) {
            throw new IllegalArgumentException("-f " + definition + " is not a file");
        }
        if (!Files.isReadable(definition)) {
            throw new IllegalArgumentException("-f " + definition + " cannot be read (permission denied)");
        }
    }

    /**
     * Makes the four folders NiFi writes to, so that an output folder that is a file, or one this user may not
     * write in, is refused before the engine spends seconds starting rather than by PutFile at the end.
     */
    private RunOutputs outputFolders() throws IOException {
        RunOutputs outputs = new RunOutputs(output.toAbsolutePath());
        for (Path folder : List.of(outputs.flows(), outputs.clusters(), outputs.failures(), outputs.notices())) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new IOException("cannot write the output under " + output + ": " + reason(e), e);
            }
            if (!Files.isWritable(folder)) {
                throw new IOException("cannot write the output under " + output + ": " + folder
                        + ": permission denied");
            }
        }
        return outputs;
    }

    /** Java gives only the path for some failures; those get the words the other failures have. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException failure && failure.getReason() == null) {
            String what = switch (e) {
                case FileAlreadyExistsException exists -> "exists and is not a folder";
                case NoSuchFileException missing -> "no such file or folder";
                case AccessDeniedException denied -> "permission denied";
                default -> e.getClass().getSimpleName();
            };
            return failure.getFile() + ": " + what;
        }
        return e.getMessage();
    }

    private static void checkEpsilon(String epsilon, boolean jaccard) {
        if (epsilon.equals("auto")) {
            if (!jaccard) {
                throw new IllegalArgumentException("-e auto works out the radius for --distance jaccard only");
            }
            return;
        }

        double value;
        Matcher fraction = FRACTION.matcher(epsilon);
        if (NUMBER.matcher(epsilon).matches()) {
            value = Double.parseDouble(epsilon);
        } else if (fraction.matches() && Long.parseLong(fraction.group(2)) > 0) {
            value = (double) Long.parseLong(fraction.group(1)) / Long.parseLong(fraction.group(2));
        } else {
            throw new IllegalArgumentException("-e takes auto, a number or a fraction such as 1/3, not " + epsilon);
        }
        if (value <= 0 || (jaccard && value > 1)) {
            throw new IllegalArgumentException("-e " + epsilon + " is outside "
                    + (jaccard ? "the Jaccard range (0, 1]" : "the positive numbers"));
        }
    }

    private static String distance(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "euclidean" -> "EUCLIDEAN_PERCENTAGES";
            case "jaccard" -> "JACCARD_OCCUPIED_BINS";
            default -> throw new IllegalArgumentException("distance is euclidean or jaccard, not " + name);
        };
    }

    private static String count(String text, String option) {
        try {
            if (Integer.parseInt(text) >= 1) {
                return text;
            }
        } catch (NumberFormatException e) {
            // Reported below, in the same words as a number that is too small.
        }
        throw new IllegalArgumentException(option + " takes a whole number of 1 or more, not " + text);
    }

    private int execute(RunOutputs outputs, PrintStream out, PrintStream err)
            throws IOException, StatelessConfigurationException, InterruptedException {
        Path nifi = Path.of(required("distribooze.nifi.dir"));
        Path definition = flowDefinition != null ? flowDefinition
                : Path.of(required("distribooze.templates.dir"), "pcap-to-clusters.json");
        outputs.markStart();

        long start = System.nanoTime();
        Map<String, CaptureInbox.Renamed> renamed;
        try (CaptureInbox inbox = CaptureInbox.of(captures, nifi.resolve("work").resolve("inboxes"))) {
            // Said before the engine's seconds of starting: files the user may have meant to give are not read.
            inbox.skipped().forEach(err::println);

            StatelessRuntime runtime = StatelessRuntime.load(nifi.resolve("nars"), nifi.resolve("work"));
            Map<String, String> run = new LinkedHashMap<>(parameters);
            renamed = inbox.renamed();
            run.put("input.directory", inbox.folder().toString());
            run.put("capture.minimum.age", "0 sec");
            // Every capture is in the folder from the start: one batch once they are all read, no waiting.
            run.put("merge.minimum.flows", "1");
            run.put("flows.directory", outputs.flows().toString());
            run.put("clusters.directory", outputs.clusters().toString());
            run.put("failures.directory", outputs.failures().toString());
            run.put("notices.directory", outputs.notices().toString());

            try (FlowRun flow = FlowRun.start(runtime, definition, run)) {
                long ready = System.nanoTime();
                flow.trigger();
                long done = System.nanoTime();
                int captureCount = inbox.captures().size();
                out.printf(Locale.ROOT, "%s run by NiFi %s's Stateless engine on %d capture%s:"
                        + " engine ready in %.1f s, flow ran in %.1f s%n%n", definition.getFileName(),
                        nifiVersion(nifi.resolve("nars")), captureCount, captureCount == 1 ? "" : "s",
                        seconds(ready - start), seconds(done - ready));
            }
        }

        ClusterReport.print(outputs, renamed, out);
        return outputs.newFlows().isEmpty() ? 1 : 0;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static String nonEmpty(String value, String option) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a path, not an empty one");
        }
        return value;
    }

    private static String transport(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tcp" -> "TCP";
            case "udp" -> "UDP";
            case "both" -> "TCP_AND_UDP";
            default -> throw new IllegalArgumentException("transport is tcp, udp or both, not " + name);
        };
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run bin/distribooze-engine");
        }
        return value;
    }

    private static String nifiVersion(Path nars) throws IOException {
        try (Stream<Path> files = Files.list(nars)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("nifi-stateless-nar-") && n.endsWith(".nar"))
                    .map(n -> n.substring("nifi-stateless-nar-".length(), n.length() - ".nar".length()))
                    .findFirst().orElse("?");
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
