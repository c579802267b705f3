package dev.fita.maven.config;

import dev.fita.oci.Platform;
import java.nio.file.Path;
import java.util.List;

/** Everything the goals need, after {@code fita.*} overrides, defaults and validation. */
public record FitaSettings(
        BaseImageSettings from,
        TargetSettings to,
        List<Platform> platforms,
        ContainerSettings container,
        EmbServeSettings embServe,
        boolean allowInsecureRegistries,
        Path outputDirectory) {

    public FitaSettings {
        platforms = List.copyOf(platforms);
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
