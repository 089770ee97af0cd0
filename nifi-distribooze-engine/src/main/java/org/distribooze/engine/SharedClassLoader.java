package org.distribooze.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The root of every NAR class loader: the JDK, plus the classes of the shared lib jars taken from the
 * application class loader (so that the engine and the NARs agree on them), and nothing else. Without it
 * the NARs would see Jackson and everything else the engine happens to have on its class path.
 */
final class SharedClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader application;
    private final Set<String> sharedClasses;
    private final URLClassLoader sharedResources;

    SharedClassLoader(ClassLoader application, List<Path> sharedJars) {
        super("nifi-shared-lib", ClassLoader.getPlatformClassLoader());
        this.application = application;
        this.sharedClasses = classNames(sharedJars);
        this.sharedResources = new URLClassLoader(urls(sharedJars), null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!sharedClasses.contains(name)) {
            throw new ClassNotFoundException(name + " is not in NiFi's shared lib jars");
        }
        return application.loadClass(name);
    }

    @Override
    protected URL findResource(String name) {
        return sharedResources.findResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return sharedResources.findResources(name);
    }

    private static Set<String> classNames(List<Path> jars) {
        Set<String> names = new HashSet<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : file.stream().toList()) {
                    String entryName = entry.getName();
                    if (entryName.endsWith(".class") && !entryName.startsWith("META-INF/")) {
                        names.add(entryName.substring(0, entryName.length() - ".class".length()).replace('/', '.'));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + jar, e);
            }
        }
        return names;
    }

    private static URL[] urls(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(jars.get(i).toString(), e);
            }
        }
        return urls;
    }
}
