package org.distribooze.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.apache.nifi.bundle.Bundle;
import org.apache.nifi.nar.NarClassLoader;
import org.apache.nifi.nar.NarUnpackMode;
import org.apache.nifi.nar.NarUnpacker;
import org.apache.nifi.nar.SystemBundle;
import org.apache.nifi.stateless.config.ParameterOverride;
import org.apache.nifi.stateless.config.StatelessConfigurationException;
import org.apache.nifi.stateless.engine.NarUnpackLock;
import org.apache.nifi.stateless.flow.DataflowDefinition;
import org.apache.nifi.stateless.flow.DataflowDefinitionParser;
import org.apache.nifi.stateless.flow.StatelessDataflow;
import org.apache.nifi.stateless.flow.StatelessDataflowFactory;

/**
 * NiFi's Stateless engine in this JVM: the NARs of one folder unpacked once into the work folder, the engine
 * NAR in its own class loader, and every extension NAR under a root that shares only NiFi's lib jars. This is
 * what NiFi's stateless bootstrap does; that bootstrap is not published on its own.
 */
public final class StatelessRuntime {

    private static final String FRAMEWORK_NAR_ID = "nifi-framework-nar";
    private static final String SNAPSHOT_FILE = "nifi.stateless.flow.snapshot.file";

    private final EngineSettings settings;
    private final ClassLoader engineLoader;
    private final ClassLoader extensionRoot;

    private StatelessRuntime(EngineSettings settings, ClassLoader engineLoader, ClassLoader extensionRoot) {
        this.settings = settings;
        this.engineLoader = engineLoader;
        this.extensionRoot = extensionRoot;
    }

    /** Unpacks the NARs of narDirectory under workDirectory (a no-op when already done) and loads the engine. */
    public static StatelessRuntime load(Path narDirectory, Path workDirectory) throws IOException {
        EngineSettings settings = new EngineSettings(narDirectory, workDirectory);
        Path unpacked = workDirectory.resolve("nar");
        Files.createDirectories(unpacked);
        Files.createDirectories(workDirectory.resolve("extensions"));

        unpack(narDirectory, unpacked);

        SharedClassLoader shared = new SharedClassLoader(StatelessRuntime.class.getClassLoader(),
                SharedLibraries.onClassPath());
        File engineNar = statelessNar(unpacked.resolve("extensions"));
        try {
            return new StatelessRuntime(settings, new NarClassLoader(engineNar, shared), shared);
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot load the Stateless engine NAR unpacked at " + engineNar, e);
        }
    }

    /** Parses a flow definition with its parameters overridden by name, and builds the dataflow (not started). */
    public StatelessDataflow dataflow(Path flowDefinition, Map<String, String> parameters)
            throws IOException, StatelessConfigurationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(engineLoader);
        try {
            List<ParameterOverride> overrides = new ArrayList<>();
            parameters.forEach((name, value) -> overrides.add(new ParameterOverride(name, value)));

            DataflowDefinition definition = single(DataflowDefinitionParser.class).parseFlowDefinition(
                    Map.of(SNAPSHOT_FILE, flowDefinition.toAbsolutePath().toString()), settings, overrides);

            return single(StatelessDataflowFactory.class).createDataflow(settings, definition, extensionRoot);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void unpack(Path narDirectory, Path unpacked) throws IOException {
        if (!Files.isDirectory(narDirectory)) {
            throw new IOException("no NAR folder at " + narDirectory + ": build the project first");
        }
        forgetRebuiltNars(narDirectory, unpacked.resolve("extensions"));
        Bundle system = SystemBundle.create(narDirectory.toString(), ClassLoader.getSystemClassLoader());

        // One big jar per NAR, as NiFi's stateless bootstrap does, keeps the open file count low.
        NarUnpackLock.lock();
        try {
            NarUnpacker.unpackNars(system, unpacked.resolve("framework").toFile(),
                    unpacked.resolve("extensions").toFile(), List.of(narDirectory), false,
                    FRAMEWORK_NAR_ID, false, false, NarUnpackMode.UNPACK_TO_UBER_JAR, coordinate -> true);
        } finally {
            NarUnpackLock.unlock();
        }
    }

    /**
     * NiFi keeps an unpacked NAR for as long as its folder exists, so a NAR rebuilt since (this bundle's own,
     * after a change) would go unseen: its folder is removed to have it unpacked again.
     */
    private static void forgetRebuiltNars(Path narDirectory, Path extensions) throws IOException {
        try (Stream<Path> nars = Files.list(narDirectory)) {
            for (Path nar : nars.filter(n -> n.getFileName().toString().endsWith(".nar")).toList()) {
                Path unpacked = extensions.resolve(nar.getFileName() + "-unpacked");
                if (Files.isDirectory(unpacked)
                        && Files.getLastModifiedTime(unpacked).compareTo(Files.getLastModifiedTime(nar)) < 0) {
                    Folders.delete(unpacked);
                }
            }
        }
    }

    private static File statelessNar(Path extensions) throws IOException {
        try (Stream<Path> dirs = Files.list(extensions)) {
            return dirs.filter(d -> d.getFileName().toString().matches("nifi-stateless-nar-.*\\.nar-unpacked"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("the Stateless engine NAR is not among the NARs"))
                    .toFile();
        }
    }

    private <T> T single(Class<T> service) {
        Iterator<T> found = ServiceLoader.load(service, engineLoader).iterator();
        if (!found.hasNext()) {
            throw new IllegalStateException("the Stateless engine NAR provides no " + service.getSimpleName());
        }
        return found.next();
    }
}
