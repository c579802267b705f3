package dev.fita.maven.testing;

import dev.fita.maven.config.ContainerConfig;
import dev.fita.maven.config.EmbServeConfig;
import dev.fita.maven.config.ExtraDirectoriesConfig;
import dev.fita.maven.config.FromConfig;
import dev.fita.maven.config.OutputPathsConfig;
import dev.fita.maven.config.PlatformConfig;
import dev.fita.maven.config.PluginExtensionConfig;
import dev.fita.maven.config.PomConfiguration;
import dev.fita.maven.config.ToConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A pom's plugin configuration for tests, part by part; unset parts are null as Maven leaves them. */
public final class Poms {
    public FromConfig from;
    public ToConfig to;
    public List<PlatformConfig> platforms;
    public ContainerConfig container;
    public ExtraDirectoriesConfig extraDirectories;
    public OutputPathsConfig outputPaths;
    public String containerizingMode;
    public List<PluginExtensionConfig> pluginExtensions;
    public EmbServeConfig embServe;
    public boolean allowInsecureRegistries;
    public String defaultFromImage = "eclipse-temurin:17-jre";
    public Instant outputTimestamp;
    private final Path basedir;

    public Poms(Path basedir) {
        this.basedir = basedir;
    }

    public static FromConfig from(String image) {
        return Beans.set(new FromConfig(), "image", image);
    }

    public static ToConfig to(String image, List<String> tags) {
        return Beans.set(Beans.set(new ToConfig(), "image", image), "tags", tags);
    }

    public static ContainerConfig container(Object... namesAndValues) {
        ContainerConfig container = new ContainerConfig();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Beans.set(container, (String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return container;
    }

    public PomConfiguration build() {
        return new PomConfiguration(from, to, platforms, container, extraDirectories, outputPaths, containerizingMode,
                pluginExtensions, null, false, embServe, allowInsecureRegistries, null, basedir,
                basedir.resolve("target"), defaultFromImage, outputTimestamp);
    }
}
