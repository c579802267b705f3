package dev.fita.maven.jib;

import com.google.cloud.tools.jib.image.json.ImageMetadataTemplate;
import com.google.cloud.tools.jib.plugins.common.HelpfulSuggestions;
import com.google.cloud.tools.jib.plugins.common.InferredAuthProvider;
import com.google.cloud.tools.jib.plugins.common.JibBuildRunner;
import com.google.cloud.tools.jib.plugins.common.PluginConfigurationProcessor;
import com.google.cloud.tools.jib.plugins.common.ProjectProperties;
import com.google.cloud.tools.jib.plugins.common.globalconfig.GlobalConfig;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.PropertyOverrides;
import dev.fita.maven.console.BuildProgress;
import dev.fita.oci.Platform;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/**
 * One platform's image through Jib's own machinery: the per-platform {@link PlatformRawConfiguration}
 * goes to jib-plugins-common's {@code PluginConfigurationProcessor}, exactly the path of
 * {@code jib:buildTar}, so every Jib parameter keeps Jib's meaning (layers, classpath files, WAR,
 * extensions, credentials, caches, mirrors). Platforms run one after another: the base-image cache
 * bookkeeping needs each run's metadata before the next one rewrites it.
 */
public final class JibImageBuilder implements PlatformImageBuilder {
    private static final HelpfulSuggestions SUGGESTIONS = new HelpfulSuggestions("Building the image failed",
            "mvn clean", "<to><image>", "-Dfita.to.image", "pom.xml");

    /** What every platform's run shares: the Maven project as Jib sees it, credentials, global config, output. */
    public record Context(ProjectProperties mavenProject, InferredAuthProvider settingsServers, GlobalConfig globalConfig,
            Path baseImageCache, String toolVersion, Log log) {}

    private final FitaSettings settings;
    private final PropertyOverrides properties;
    private final Context context;

    public JibImageBuilder(FitaSettings settings, PropertyOverrides properties, Context context) {
        this.settings = settings;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void build(Platform platform, Path tarFile) {
        try (BuildProgress progress = BuildProgress.of(context.log(), platform.toString())) {
            build(platform, tarFile, progress);
        }
    }

    private void build(Platform platform, Path tarFile, BuildProgress progress) {
        PlainHttpRegistries log = new PlainHttpRegistries(new JibLog(context.log(), platform.toString()),
                settings.allowInsecureRegistries());
        PlatformProjectProperties project = new PlatformProjectProperties(context.mavenProject(), log,
                update -> progress.report(update.getProgress()), context.toolVersion());
        JibBuildRunner runner;
        try {
            runner = PluginConfigurationProcessor.createJibBuildRunnerForTarImage(
                    new PlatformRawConfiguration(settings, properties, platform, tarFile), context.settingsServers(),
                    project, context.globalConfig(), SUGGESTIONS);
        } catch (Exception e) {
            throw JibErrors.configuration(e);
        }
        String baseImage = project.baseImage() != null ? project.baseImage() : settings.from().image();
        BaseImageCacheMetadata metadata = new BaseImageCacheMetadata(context.baseImageCache());
        try {
            Optional<ImageMetadataTemplate> before = metadata.read(baseImage);
            runner.runBuild();
            metadata.restore(baseImage, before);
        } catch (Exception e) {
            throw JibErrors.describe(e, baseImage, platform, settings.platforms());
        }
    }
}
