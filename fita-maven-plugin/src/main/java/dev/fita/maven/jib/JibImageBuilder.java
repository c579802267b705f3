package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.FitaBuildContexts;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.builder.steps.FitaImageSteps;
import com.google.cloud.tools.jib.configuration.BuildContext;
import com.google.cloud.tools.jib.image.Image;
import com.google.cloud.tools.jib.plugins.common.HelpfulSuggestions;
import com.google.cloud.tools.jib.plugins.common.InferredAuthProvider;
import com.google.cloud.tools.jib.plugins.common.PluginConfigurationProcessor;
import com.google.cloud.tools.jib.plugins.common.ProjectProperties;
import com.google.cloud.tools.jib.plugins.common.globalconfig.GlobalConfig;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.PropertyOverrides;
import dev.fita.maven.console.BuildProgress;
import dev.fita.maven.image.ContainerImage;
import dev.fita.oci.Platform;
import dev.fita.oci.layout.OciLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * The linux platforms' images through Jib's own machinery, all in one jib-core run: the
 * {@link JibRawConfiguration} goes to jib-plugins-common's {@code PluginConfigurationProcessor}, the path
 * of {@code jib:buildTar}, so every Jib parameter keeps Jib's meaning (layers, classpath files, WAR,
 * extensions, credentials, caches, mirrors); then jib-core's own steps build every platform's image
 * (the base read once, each layer obtained or built once: {@link FitaImageSteps}) and
 * {@link LayoutWriter} puts them into the layout, linking the layers from Jib's caches instead of
 * writing a tar per platform.
 */
public final class JibImageBuilder implements LinuxImageBuilder {
    private static final HelpfulSuggestions SUGGESTIONS = new HelpfulSuggestions("Building the image failed",
            "mvn clean", "<to><image>", "-Dfita.to.image", "pom.xml");

    /** What the build needs besides the settings: the Maven project as Jib sees it, credentials, global config, output. */
    public record Context(ProjectProperties mavenProject, InferredAuthProvider settingsServers, GlobalConfig globalConfig,
            String toolVersion, Log log) {}

    private final FitaSettings settings;
    private final PropertyOverrides properties;
    private final Context context;

    public JibImageBuilder(FitaSettings settings, PropertyOverrides properties, Context context) {
        this.settings = settings;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public Images build(List<Platform> platforms, OciLayout layout, Path scratch) {
        String label = String.join(", ", platforms.stream().map(Platform::toString).toList());
        try (BuildProgress progress = BuildProgress.of(context.log(), label)) {
            // Jib retries a TLS handshake with a plain-HTTP registry for a minute; this ends it at once.
            PlainHttpRegistries log = new PlainHttpRegistries(new JibLog(context.log(), ""),
                    settings.allowInsecureRegistries());
            JibProjectProperties project = new JibProjectProperties(context.mavenProject(), log,
                    update -> progress.report(update.getProgress()), context.toolVersion());
            try {
                // Builds the runner of jib:buildTar, which fita does not run: what counts is what it set up.
                PluginConfigurationProcessor.createJibBuildRunnerForTarImage(
                        new JibRawConfiguration(settings, properties, platforms, scratch.resolve("unused.tar")),
                        context.settingsServers(), project, context.globalConfig(), SUGGESTIONS);
            } catch (Exception e) {
                throw JibErrors.configuration(e);
            }
            String baseImage = project.baseImage() != null ? project.baseImage() : settings.from().image();
            try (BuildContext build = FitaBuildContexts.of(project.containerBuilder(), project.containerizer())) {
                logLayers(build, log);
                List<Image> images = FitaImageSteps.build(build);
                LayoutWriter writer = new LayoutWriter(layout,
                        FitaBuildContexts.cacheDirectories(project.containerizer()), scratch);
                List<ContainerImage> written = new ArrayList<>();
                for (Image image : images) {
                    written.add(writer.write(image));
                }
                return new Images(forPlatforms(platforms, written), project.baseImageDigest());
            } catch (BaseImageException e) {
                throw e;
            } catch (Exception e) {
                throw JibErrors.describe(e, baseImage, platforms);
            }
        }
    }

    /**
     * Each platform's image: the one of its os and architecture (platforms that differ only in their
     * variant share it); a single image (a single-platform base) goes to every platform, and composing
     * the index checks that it fits.
     */
    static List<ContainerImage> forPlatforms(List<Platform> platforms, List<ContainerImage> images) {
        List<ContainerImage> result = new ArrayList<>();
        for (Platform platform : platforms) {
            ContainerImage match = images.size() == 1 ? images.get(0) : images.stream()
                    .filter(i -> platform.os().equals(i.os()) && platform.architecture().equals(i.architecture()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("jib-core built no image for "
                            + platform + " (it built " + images.size() + ")"));
            result.add(match);
        }
        return result;
    }

    /** What jib-core's containerize logs first (at debug in fita): the files of each layer. */
    private static void logLayers(BuildContext build, Consumer<LogEvent> log) {
        log.accept(LogEvent.info("Containerizing application with the following files:"));
        for (FileEntriesLayer layer : build.getLayerConfigurations()) {
            if (!layer.getEntries().isEmpty()) {
                log.accept(LogEvent.info("\t" + layer.getName() + ":"));
                layer.getEntries().forEach(entry -> log.accept(LogEvent.debug("\t\t" + entry.getSourceFile())));
            }
        }
    }
}
