package dev.fita.maven.config;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The configuration as Maven injected it into a Mojo (any part may be null), plus what the defaults
 * depend on: the project and build directories, the default base image (Jib's, for the project's Java
 * release and packaging) and {@code project.build.outputTimestamp} (null when unset).
 */
public record PomConfiguration(
        FromConfig from,
        ToConfig to,
        List<PlatformConfig> platforms,
        ContainerConfig container,
        ExtraDirectoriesConfig extraDirectories,
        OutputPathsConfig outputPaths,
        String containerizingMode,
        List<PluginExtensionConfig> pluginExtensions,
        DockerClientConfig dockerClient,
        boolean skaffoldConfigured,
        EmbServeConfig embServe,
        boolean allowInsecureRegistries,
        File outputDirectory,
        Path basedir,
        Path buildDirectory,
        String defaultFromImage,
        Instant outputTimestamp) {
}
