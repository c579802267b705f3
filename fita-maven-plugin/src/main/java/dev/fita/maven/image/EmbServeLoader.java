package dev.fita.maven.image;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.EmbServeSettings;
import dev.fita.oci.embserve.EmbServeArtifact;
import dev.fita.oci.embserve.InvalidConfigException;
import dev.fita.oci.embserve.InvalidServiceException;
import dev.fita.oci.embserve.ServiceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.function.Consumer;

/** Reads and validates the embServe inputs before any image work, naming the element on failure. */
public final class EmbServeLoader {
    private EmbServeLoader() {}

    /** The artifact and, for log lines, the service's name and version. */
    public record Loaded(String name, long version, EmbServeArtifact artifact) {}

    /** {@code warn} receives service.json warnings (unknown fields, unusual type values), each naming the file. */
    public static Loaded load(EmbServeSettings settings, Instant createdOrNull, Consumer<String> warn) {
        ServiceFile service;
        try {
            service = ServiceFile.load(settings.service());
        } catch (InvalidServiceException e) {
            throw new ConfigurationException("<embServe><service>: " + e.getMessage(), e);
        }
        service.warnings().forEach(warn);
        byte[] config = null;
        if (settings.config() != null) {
            try {
                config = Files.readAllBytes(settings.config());
            } catch (NoSuchFileException e) {
                throw new ConfigurationException("<embServe><config>: " + settings.config() + " does not exist", e);
            } catch (IOException e) {
                throw new ConfigurationException("<embServe><config>: cannot read " + settings.config() + ": " + e, e);
            }
        }
        try {
            return new Loaded(service.name(), service.version(),
                    EmbServeArtifact.build(service, config, settings.config(), settings.platform(), createdOrNull));
        } catch (InvalidConfigException e) {
            throw new ConfigurationException("<embServe><config>: " + e.getMessage(), e);
        }
    }
}
