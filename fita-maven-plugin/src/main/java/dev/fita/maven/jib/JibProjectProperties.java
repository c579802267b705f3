package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.JavaContainerBuilder;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.events.TimerEvent;
import com.google.cloud.tools.jib.event.progress.ProgressEventHandler;
import com.google.cloud.tools.jib.plugins.common.ContainerizingMode;
import com.google.cloud.tools.jib.plugins.common.ProjectProperties;
import com.google.cloud.tools.jib.plugins.common.RawConfiguration.ExtensionConfiguration;
import com.google.cloud.tools.jib.plugins.common.TimerEventHandler;
import com.google.cloud.tools.jib.plugins.extension.JibPluginExtensionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Jib's {@code MavenProjectProperties} (the project's classes, dependencies, WAR, jar plugin, Java
 * release and extensions) as fita's build shows it to Jib's configuration processor: fita's log, fita's
 * progress line, and fita as the tool in the User-Agent and the image history. It also keeps what the
 * processor set up, so that fita runs jib-core itself instead of Jib's tar step: the containerizer
 * (caches, offline mode, insecure registries, event handlers) and the container builder after Jib
 * plugin extensions ran (the final build plan).
 */
final class JibProjectProperties implements ProjectProperties {
    static final String TOOL_NAME = "fita-maven-plugin";

    private final ProjectProperties maven;
    private final Consumer<LogEvent> log;
    private final Consumer<ProgressEventHandler.Update> progress;
    private final String toolVersion;
    private static final String BASE_DIGEST = "Using base image with digest: ";

    private Containerizer containerizer;
    private JibContainerBuilder containerBuilder;
    private volatile String baseImageDigest;

    JibProjectProperties(ProjectProperties maven, Consumer<LogEvent> log, Consumer<ProgressEventHandler.Update> progress,
            String toolVersion) {
        this.maven = maven;
        this.log = log;
        this.progress = progress;
        this.toolVersion = toolVersion;
    }

    /** The base image reference of the final build plan; null until the configuration processor ran. */
    String baseImage() {
        return containerBuilder == null ? null : containerBuilder.toContainerBuildPlan().getBaseImage();
    }

    /**
     * The digest of the base image's manifest or index that jib-core pulled, as it reports it (one line
     * when it pulls from a registry; none offline or for a local base).
     */
    String baseImageDigest() {
        return baseImageDigest;
    }

    /** The containerizer Jib's configuration processor configured. */
    Containerizer containerizer() {
        return containerizer;
    }

    /** The container builder after the Jib plugin extensions ran. */
    JibContainerBuilder containerBuilder() {
        return containerBuilder;
    }

    /** The Maven side is shared by all platforms; the goal waits for its logging thread once, at the end. */
    @Override
    public void waitForLoggingThread() {}

    @Override
    public void configureEventHandlers(Containerizer containerizer) {
        this.containerizer = containerizer;
        containerizer
                .addEventHandler(LogEvent.class, this::log)
                .addEventHandler(TimerEvent.class, new TimerEventHandler(message -> log(LogEvent.debug(message))))
                .addEventHandler(ProgressEvent.class, new ProgressEventHandler(progress));
    }

    @Override
    public void log(LogEvent logEvent) {
        String message = logEvent.getMessage();
        if (message != null && message.startsWith(BASE_DIGEST)) {
            baseImageDigest = Ansi.strip(message.substring(BASE_DIGEST.length())).trim();
        }
        log.accept(logEvent);
    }

    @Override
    public String getToolName() {
        return TOOL_NAME;
    }

    @Override
    public String getToolVersion() {
        return toolVersion;
    }

    /** Named in Jib's advice, e.g. "add a `mainClass` configuration to fita-maven-plugin". */
    @Override
    public String getPluginName() {
        return TOOL_NAME;
    }

    @Override
    public JibContainerBuilder createJibContainerBuilder(JavaContainerBuilder javaContainerBuilder,
            ContainerizingMode containerizingMode) throws IOException {
        return maven.createJibContainerBuilder(javaContainerBuilder, containerizingMode);
    }

    @Override
    public List<Path> getClassFiles() throws IOException {
        return maven.getClassFiles();
    }

    @Override
    public List<Path> getDependencies() {
        return maven.getDependencies();
    }

    @Override
    public Path getDefaultCacheDirectory() {
        return maven.getDefaultCacheDirectory();
    }

    @Override
    public String getJarPluginName() {
        return maven.getJarPluginName();
    }

    @Override
    public String getMainClassFromJarPlugin() {
        return maven.getMainClassFromJarPlugin();
    }

    @Override
    public boolean isWarProject() {
        return maven.isWarProject();
    }

    @Override
    public String getName() {
        return maven.getName();
    }

    @Override
    public String getVersion() {
        return maven.getVersion();
    }

    @Override
    public int getMajorJavaVersion() {
        return maven.getMajorJavaVersion();
    }

    @Override
    public boolean isOffline() {
        return maven.isOffline();
    }

    @Override
    public JibContainerBuilder runPluginExtensions(List<? extends ExtensionConfiguration> extensionConfigs,
            JibContainerBuilder jibContainerBuilder) throws JibPluginExtensionException {
        containerBuilder = maven.runPluginExtensions(extensionConfigs, jibContainerBuilder);
        return containerBuilder;
    }
}
