package dev.fita.maven.config;

import dev.fita.oci.Platform;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the goals need, after the {@code fita.*} and {@code jib.*} properties, defaults and
 * validation. {@code warnings} name Jib parameters that do not apply to fita and what to do instead.
 */
public record FitaSettings(
        BaseImageSettings from,
        TargetSettings to,
        List<Platform> platforms,
        ContainerSettings container,
        LayerSettings layers,
        OutputPaths outputPaths,
        EmbServeSettings embServe,
        boolean allowInsecureRegistries,
        Path outputDirectory,
        List<String> warnings) {

    public FitaSettings {
        platforms = List.copyOf(platforms);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The OCI image layout the build writes and the push reads. */
    public Path layoutDirectory() {
        return outputDirectory.resolve("image");
    }

    public Path imageJson() {
        return outputDirectory.resolve("image.json");
    }

    public Path imageDigest() {
        return outputDirectory.resolve("image.digest");
    }
}
