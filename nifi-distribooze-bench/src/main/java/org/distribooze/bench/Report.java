package org.distribooze.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prints the benchmark's figures: the machine, then per capture one line per reader and the ratios. */
final class Report {

    private static final String ROW = "  %-28s %9s %8s %12s %14s%n";

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void machine() throws IOException {
        out.printf("machine: %d cores (nproc), %s, %.1f GiB memory, Java %s (%s)%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memoryGib(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
        out.println("B alloc/packet: all an operation allocates (128 KB read window, flow table, one summary per flow)"
                + " over its packets; the per-packet path alone is measured last");
    }

    void capture(CaptureFacts capture, double catSeconds, double ndpiSeconds, JmhRuns.Measure core,
            JmhRuns.Measure processor, JmhRuns.Measure processorJson) {
        out.printf("%n%s: %.1f MB, %,d packets, %,d TCP flows (page cache warm, one thread)%n",
                capture.name(), capture.megabytes(), capture.packets(), capture.flows());
        out.printf(ROW, "reader", "time", "MB/s", "packets/s", "B alloc/packet");
        row("cat FILE > /dev/null", capture, catSeconds, Double.NaN);
        row("ndpiReader -q -i FILE", capture, ndpiSeconds, Double.NaN);
        row("core FlowExtractor", capture, core.seconds(), core.bytesAllocated());
        row("processor, records dropped", capture, processor.seconds(), processor.bytesAllocated());
        row("processor, JSON writer", capture, processorJson.seconds(), processorJson.bytesAllocated());
        out.printf("  JMH medians of %d, %d and %d operations; core 10th-90th percentile %.3f-%.3f s;"
                + " %,.0f B allocated per flow%n", core.operations(), processor.operations(),
                processorJson.operations(), core.p10(), core.p90(), core.bytesAllocated() / capture.flows());
        out.printf("  ratios (time): core/cat %.2f (target <= 2), core/ndpiReader %.3f (%.1fx faster)%n",
                core.seconds() / catSeconds, core.seconds() / ndpiSeconds, ndpiSeconds / core.seconds());
        out.printf("                 processor/core %.2f (target <= 1.5), %.2f with NiFi's JSON writer%n",
                processor.seconds() / core.seconds(), processorJson.seconds() / core.seconds());
    }

    void hotPath(long packets, int passes, JmhRuns.Measure once, JmhRuns.Measure many) {
        double extraPackets = (double) packets * (passes - 1);
        double bytesPerPacket = (many.bytesAllocated() - once.bytesAllocated()) / extraPackets;
        double nanosPerPacket = (many.seconds() - once.seconds()) * 1e9 / extraPackets;
        out.printf("%nper-packet path (%d more passes over known flows, from memory): %.4f B allocated and %.0f ns"
                + " per packet (%.1f M packets/s)%n", passes - 1, bytesPerPacket, nanosPerPacket,
                1e3 / nanosPerPacket);
    }

    private void row(String reader, CaptureFacts capture, double seconds, double bytesAllocated) {
        out.printf(ROW, reader, String.format("%.3f s", seconds),
                String.format("%.0f", capture.megabytes() / seconds),
                String.format("%,.0f", capture.packets() / seconds),
                Double.isNaN(bytesAllocated) ? "-" : String.format("%.2f", bytesAllocated / capture.packets()));
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        List<String> lines = Files.readAllLines(cpuinfo);
        return lines.stream().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
    }

    private static double memoryGib() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.isReadable(meminfo)) {
            return Double.NaN;
        }
        String total = Files.readAllLines(meminfo).get(0).replaceAll("[^0-9]", "");
        return Long.parseLong(total) / (1024.0 * 1024.0);
    }
}
