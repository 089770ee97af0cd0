package org.distribooze.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.distribooze.cluster.ClusterSummary;
import org.distribooze.cluster.ClusteringResult;
import org.distribooze.cluster.FlowClusterer;
import org.distribooze.flow.FlowSummary;

/**
 * The human-readable report: packet accounting per capture, the clustering's settings, then each cluster (the noise
 * group and the flows not clustered last) with its size, its average distribution and one line per member flow.
 */
final class ClusterReport {

    private final Distributions distributions;

    ClusterReport(Distributions distributions) {
        this.distributions = distributions;
    }

    void write(CaptureFiles.Captures captures, FlowClusterer clusterer, ClusteringResult clustering,
               PrintWriter out) {
        List<CaptureFlow> flows = captures.flows();
        for (Map.Entry<String, CaptureFiles.Account> account : captures.accounts().entrySet()) {
            CaptureFiles.Account read = account.getValue();
            out.println(PacketAccounting.line(account.getKey(), read.stats(), read.flows()));
        }
        out.println(summary(clustering));
        out.println(settings(clusterer, clustering));

        FlowLines lines = new FlowLines(flows, clustering);
        for (ClusterSummary cluster : inReportOrder(clustering.clusters())) {
            out.println();
            out.println(heading(cluster, clusterer));
            out.println("  distribution " + distributions.format(cluster.centroid()));
            for (int i = 0; i < flows.size(); i++) {
                if (clustering.labels()[i] == cluster.id()) {
                    out.println("  " + lines.line(i));
                }
            }
        }
        out.flush();
    }

    private static String summary(ClusteringResult clustering) {
        int clusters = 0;
        int noise = 0;
        int unclustered = 0;
        for (ClusterSummary cluster : clustering.clusters()) {
            if (cluster.id() == ClusteringResult.NOISE) {
                noise = cluster.flows();
            } else if (cluster.id() == ClusteringResult.UNCLUSTERED) {
                unclustered = cluster.flows();
            } else {
                clusters++;
            }
        }
        return clustering.labels().length + " flows: " + clusters + (clusters == 1 ? " cluster, " : " clusters, ")
                + noise + " noise" + (unclustered == 0 ? "" : ", " + unclustered + " not clustered");
    }

    /** The distance and the radius used, worked out or not, so a run can be repeated. */
    private static String settings(FlowClusterer clusterer, ClusteringResult clustering) {
        String radius = clustering.epsilon().toString();
        if (clusterer.epsilon().isAuto() && clustering.epsilon().value() == 0) {
            // A radius needs two different sets to measure between; 0 still groups flows with the same set.
            radius = "0 (auto: the flows clustered occupy fewer than two different sets of bins)";
        } else if (clusterer.epsilon().isAuto()) {
            radius += " (auto)";
        }
        return "clustered by " + clusterer.distance().shortName() + ", epsilon " + radius + ", min points "
                + clusterer.minPoints() + ", min packets " + clusterer.minPackets();
    }

    /** Clusters by id, then the noise group and the flows not clustered: they are what is left over. */
    private static List<ClusterSummary> inReportOrder(List<ClusterSummary> clusters) {
        List<ClusterSummary> ordered = new ArrayList<>();
        List<ClusterSummary> leftOver = new ArrayList<>();
        for (ClusterSummary cluster : clusters) {
            if (cluster.id() < 0) {
                leftOver.add(0, cluster);
            } else {
                ordered.add(cluster);
            }
        }
        ordered.addAll(leftOver);
        return ordered;
    }

    private static String heading(ClusterSummary cluster, FlowClusterer clusterer) {
        String name = switch (cluster.id()) {
            case ClusteringResult.NOISE -> "noise";
            case ClusteringResult.UNCLUSTERED -> "not clustered (fewer than " + clusterer.minPackets() + " packets)";
            default -> "cluster " + cluster.id();
        };
        return name + ": " + cluster.flows() + (cluster.flows() == 1 ? " flow, " : " flows, ")
                + cluster.packets() + (cluster.packets() == 1 ? " packet" : " packets");
    }

    /** Flow lines with their columns aligned across the whole report. */
    private static final class FlowLines {

        private final List<CaptureFlow> flows;
        private final ClusteringResult clustering;
        private final String format;

        FlowLines(List<CaptureFlow> flows, ClusteringResult clustering) {
            this.flows = flows;
            this.clustering = clustering;

            // Width 1 at least: a format width of 0 is not allowed, and an empty report formats no line.
            int captures = 1;
            int sources = 1;
            int destinations = 1;
            int packets = 1;
            for (CaptureFlow captureFlow : flows) {
                FlowSummary flow = captureFlow.flow();
                captures = Math.max(captures, captureFlow.capture().length());
                sources = Math.max(sources, source(flow).length());
                destinations = Math.max(destinations, destination(flow).length());
                packets = Math.max(packets, Long.toString(flow.packets()).length());
            }
            int labels = 1;
            for (int label : clustering.labels()) {
                labels = Math.max(labels, Integer.toString(label).length());
            }

            this.format = "%-" + captures + "s  %" + sources + "s -> %-" + destinations + "s  %s  %" + packets
                    + "d %-7s  cluster %" + labels + "d  distance %.3f";
        }

        String line(int index) {
            FlowSummary flow = flows.get(index).flow();
            return String.format(Locale.ROOT, format, flows.get(index).capture(), source(flow), destination(flow),
                    flow.transport().name(), flow.packets(), flow.packets() == 1 ? "packet" : "packets",
                    clustering.labels()[index],
                    clustering.distances()[index]);
        }

        private static String source(FlowSummary flow) {
            return endpoint(flow.sourceAddress(), flow.sourcePort());
        }

        private static String destination(FlowSummary flow) {
            return endpoint(flow.destinationAddress(), flow.destinationPort());
        }

        /** {@code 192.0.2.1:80}, or {@code [2001:db8::1]:80}: brackets keep an IPv6 address apart from its port. */
        private static String endpoint(String address, int port) {
            return address.indexOf(':') >= 0 ? "[" + address + "]:" + port : address + ":" + port;
        }
    }
}
