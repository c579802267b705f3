package dev.fita.maven.testing;

import dev.fita.maven.config.Auth;
import dev.fita.maven.config.BaseImageSettings;
import dev.fita.maven.config.ContainerSettings;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.TargetSettings;
import dev.fita.oci.Platform;
import java.nio.file.Path;
import java.util.List;

/** Resolved settings for tests of the push, inspect and registry helpers, without a pom. */
public final class TestSettings {
    private TestSettings() {}

    /** Output under {@code outputDirectory}, pushing to {@code toImage} (may be null) as {@code auth} (may be null) over any TLS. */
    public static FitaSettings of(Path outputDirectory, String toImage, Auth auth) {
        String tag = toImage == null || !toImage.contains(":") ? "latest" : toImage.substring(toImage.lastIndexOf(':') + 1);
        return new FitaSettings(new BaseImageSettings("eclipse-temurin:17-jre", null, null),
                new TargetSettings(toImage, List.of(tag), auth, null),
                List.of(Platform.parse("linux/amd64")),
                new ContainerSettings("org.example.Main", null, null, null, null, null, null, null, null, null),
                null, true, outputDirectory);
    }
}
