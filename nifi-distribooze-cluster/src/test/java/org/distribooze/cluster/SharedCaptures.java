package org.distribooze.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every shared capture, as paths relative to the shared folder, found by listing its folders. */
final class SharedCaptures {

    // A pcap file header cut at 20 of its 24 bytes: not one packet, so nothing to cluster, and the reference
    // script stops on it with an error rather than reporting no flows.
    private static final Set<String> WITHOUT_PACKETS = Set.of("pcaps/cases/trunc_file_header.pcap");

    private SharedCaptures() {
    }

    static List<String> all() {
        List<String> captures = new ArrayList<>();
        for (String folder : List.of("pcaps/seed", "pcaps/corpus", "pcaps/cases")) {
            try (Stream<Path> files = Files.list(SharedData.dir().resolve(folder))) {
                files.map(file -> folder + "/" + file.getFileName())
                        .filter(name -> name.endsWith(".pcap") || name.endsWith(".pcapng"))
                        .filter(name -> !WITHOUT_PACKETS.contains(name))
                        .sorted()
                        .forEach(captures::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the shared folder " + folder, e);
            }
        }
        captures.add("bench/real50.pcap");
        return captures;
    }
}
