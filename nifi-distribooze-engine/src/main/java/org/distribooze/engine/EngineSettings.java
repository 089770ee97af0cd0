package org.distribooze.engine;

import java.io.File;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.nifi.stateless.config.ExtensionClientDefinition;
import org.apache.nifi.stateless.config.SslContextDefinition;
import org.apache.nifi.stateless.engine.StatelessEngineConfiguration;

/**
 * Where the engine finds its NARs and keeps its work. No extension is ever downloaded: every NAR a template
 * needs comes from the build. Content goes to a folder, not the heap, because captures can be large.
 */
final class EngineSettings implements StatelessEngineConfiguration {

    private final Path narDirectory;
    private final Path workDirectory;

    EngineSettings(Path narDirectory, Path workDirectory) {
        this.narDirectory = narDirectory;
        this.workDirectory = workDirectory;
    }

    @Override
    public File getWorkingDirectory() {
        return workDirectory.toFile();
    }

    @Override
    public File getNarDirectory() {
        return narDirectory.toFile();
    }

    @Override
    public File getExtensionsDirectory() {
        return workDirectory.resolve("extensions").toFile();
    }

    @Override
    public Collection<File> getReadOnlyExtensionsDirectories() {
        return List.of();
    }

    @Override
    public File getKrb5File() {
        return new File("/etc/krb5.conf");
    }

    @Override
    public Optional<File> getContentRepositoryDirectory() {
        return Optional.of(workDirectory.resolve("content").toFile());
    }

    @Override
    public SslContextDefinition getSslContext() {
        return null;
    }

    // The templates hold no sensitive property; the key only has to exist.
    @Override
    public String getSensitivePropsKey() {
        return "distribooze-stateless-engine";
    }

    @Override
    public List<ExtensionClientDefinition> getExtensionClients() {
        return List.of();
    }

    @Override
    public String getStatusTaskInterval() {
        return null;
    }
}
