package org.distribooze.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The folders pcap-to-clusters writes to, and which files in them a run added or rewrote. */
final class RunOutputs {

    private static final String REASON = ".reason.json";

    private final Path flows;
    private final Path clusters;
    private final Path failures;
    private final Path notices;
    private final Map<Path, FileTime> before = new HashMap<>();

    RunOutputs(Path root) {
        this.flows = root.resolve("flows");
        this.clusters = root.resolve("clusters");
        this.failures = root.resolve("failures");
        this.notices = root.resolve("notices");
    }

    Path flows() {
        return flows;
    }

    Path clusters() {
        return clusters;
    }

    Path failures() {
        return failures;
    }

    Path notices() {
        return notices;
    }

    /**
     * Remembers what is there already, so that an earlier run's files are not reported as this run's. Their times
     * are kept too: a failure or notice of a capture given again replaces the earlier run's file of the same name.
     */
    void markStart() throws IOException {
        before.clear();
        for (Path folder : List.of(flows, clusters, failures, notices)) {
            for (Path file : Folders.files(folder)) {
                before.put(file, Files.getLastModifiedTime(file));
            }
        }
    }

    List<Path> newFlows() throws IOException {
        return added(flows, "");
    }

    List<Path> newClusters() throws IOException {
        return added(clusters, "");
    }

    /**
     * The reasons written beside this run's failures. A failed file is copied in unchanged, so one named
     * {@code x.reason.json} is no reason: a reason is the one whose failed file lies beside it.
     */
    List<Path> newFailureReasons() throws IOException {
        List<Path> reasons = new ArrayList<>();
        for (Path reason : added(failures, REASON)) {
            String name = reason.getFileName().toString();
            if (Files.exists(reason.resolveSibling(name.substring(0, name.length() - REASON.length())))) {
                reasons.add(reason);
            }
        }
        return reasons;
    }

    /** The notes on captures read only in part, past Maximum Flows, or without a flow. */
    List<Path> newNotices() throws IOException {
        return added(notices, ".notice.json");
    }

    private List<Path> added(Path folder, String suffix) throws IOException {
        List<Path> added = new ArrayList<>();
        for (Path file : Folders.files(folder)) {
            boolean written = !Files.getLastModifiedTime(file).equals(before.get(file));
            if (written && file.getFileName().toString().endsWith(suffix)) {
                added.add(file);
            }
        }
        return added;
    }
}
