package dev.fita.maven.config;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration as Maven injected it into a Mojo (any part may be null), plus what the
 * defaults depend on: the project base directory and the default base image.
 */
public record PomConfiguration(
        FromConfig from,
        ToConfig to,
        List<PlatformConfig> platforms,
        ContainerConfig container,
        EmbServeConfig embServe,
        boolean allowInsecureRegistries,
        File outputDirectory,
        Path basedir,
        String defaultFromImage) {}
