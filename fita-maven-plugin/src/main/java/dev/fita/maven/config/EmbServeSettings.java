package dev.fita.maven.config;

import dev.fita.oci.Platform;
import java.nio.file.Path;

/** The resolved {@code <embServe>}: service file, optional config.json and the entry's platform. */
public record EmbServeSettings(Path service, Path config, Platform platform) {}
