package org.distribooze.nar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the packaged NAR itself: what it bundles, how big it is, and that DBSCAN runs from its jars alone. */
class NarContentsIT {

    private static final long MAX_NAR_BYTES = 15L * 1024 * 1024;
    private static final String BUNDLED = "META-INF/bundled-dependencies/";

    private static Path nar;

    @BeforeAll
    static void findNar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            nar = files.filter(p -> p.getFileName().toString().endsWith(".nar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no .nar in target/: package the module first"));
        }
    }

    @Test
    void holdsNoNativeBlasDuckDbOrArrowAndStaysSmall() throws IOException {
        List<String> jars = bundledJars();

        assertTrue(jars.stream().anyMatch(j -> j.startsWith("smile-core-")), "Smile is bundled: " + jars);
        for (String jar : jars) {
            assertFalse(jar.matches("(?i).*(openblas|arpack|javacpp|duckdb|arrow|mkl).*"), "native baggage: " + jar);
        }
        assertTrue(Files.size(nar) < MAX_NAR_BYTES, "NAR is " + Files.size(nar) + " bytes");
    }

    @Test
    void carriesLicenseNoticeAndBothProcessorsInItsManifest() throws IOException {
        try (JarFile jar = new JarFile(nar.toFile())) {
            assertTrue(jar.getEntry("META-INF/LICENSE") != null, "LICENSE");
            assertTrue(jar.getEntry("META-INF/NOTICE") != null, "NOTICE");

            JarEntry manifest = jar.getJarEntry("META-INF/docs/extension-manifest.xml");
            try (InputStream in = jar.getInputStream(manifest)) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(xml.contains("org.distribooze.nifi.ExtractFlowHistograms"), xml);
                assertTrue(xml.contains("org.distribooze.nifi.ClusterFlows"), xml);
            }
        }
    }

    /**
     * Loads the clusterer from the NAR's bundled jars only (plus the logging API NiFi itself provides)
     * and clusters four flows: three with the same histogram and one far from them. With two minimum
     * points the three form cluster 0 and the fourth is noise, worked out by hand.
     */
    @Test
    void clustersWithNothingButTheNarsOwnJars(@TempDir Path unpacked) throws Exception {
        List<URL> urls = new ArrayList<>();
        try (JarFile jar = new JarFile(nar.toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                if (entry.getName().startsWith(BUNDLED) && entry.getName().endsWith(".jar")) {
                    Path target = unpacked.resolve(entry.getName().substring(BUNDLED.length()));
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    urls.add(target.toUri().toURL());
                }
            }
        }
        urls.add(org.slf4j.Logger.class.getProtectionDomain().getCodeSource().getLocation());

        ClassLoader jdkOnly = ClassLoader.getPlatformClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), jdkOnly)) {
            Class<?> clusterer = loader.loadClass("org.distribooze.cluster.FlowClusterer");
            Object instance = clusterer.getConstructor(double.class, int.class).newInstance(8.0, 2);
            List<long[]> histograms = List.of(
                    new long[] {10, 0, 0}, new long[] {10, 0, 0}, new long[] {10, 0, 0}, new long[] {0, 0, 4});

            Method cluster = clusterer.getMethod("cluster", List.class);
            Object result = cluster.invoke(instance, histograms);
            int[] labels = (int[]) result.getClass().getMethod("labels").invoke(result);

            assertEquals(loader, result.getClass().getClassLoader());
            assertArrayEquals(new int[] {0, 0, 0, -1}, labels);
        }
    }

    private static List<String> bundledJars() throws IOException {
        try (JarFile jar = new JarFile(nar.toFile())) {
            return jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith(BUNDLED) && n.endsWith(".jar"))
                    .map(n -> n.substring(BUNDLED.length())).toList();
        }
    }
}
