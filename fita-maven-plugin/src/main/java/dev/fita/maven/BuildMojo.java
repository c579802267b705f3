package dev.fita.maven;

import com.google.cloud.tools.jib.filesystem.TempDirectoryProvider;
import com.google.cloud.tools.jib.maven.MavenProjectProperties;
import com.google.cloud.tools.jib.maven.extension.JibMavenPluginExtension;
import com.google.cloud.tools.jib.plugins.common.globalconfig.GlobalConfig;
import dev.fita.maven.build.BuildResult;
import dev.fita.maven.build.ImageBuildService;
import dev.fita.maven.build.PushFollows;
import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.OutputTimestamp;
import dev.fita.maven.console.Console;
import dev.fita.maven.goal.RegistryAccess;
import dev.fita.maven.image.ImageRecord;
import dev.fita.maven.jib.JibErrors;
import dev.fita.maven.jib.JibImageBuilder;
import dev.fita.maven.uptodate.BuildRecord;
import dev.fita.maven.uptodate.ProjectInputs;
import dev.fita.maven.uptodate.UpToDateCheck;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.InvalidReferenceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Builds one multi-platform OCI image layout under {@code target/fita/image}: for each linux platform
 * the image jib-maven-plugin would build (Jib's own configuration processor and build steps),
 * plus, when {@code <embServe>} is configured, the embServe artifact entry. Needs no target registry;
 * {@code fita:push} pushes the layout.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME_PLUS_SYSTEM)
public class BuildMojo extends AbstractFitaMojo {
    /**
     * Skip the build when nothing that shapes the image changed since the last finished build (classes,
     * resources, dependencies, the pom, fita.* and jib.* properties, service.json, fita itself, and the
     * base image's digest: one HEAD, none with -o) and its output is complete (fita.upToDateCheck).
     * Default true; false always builds. See docs/configuration.md.
     */
    @Parameter(property = "fita.upToDateCheck", defaultValue = "true")
    protected boolean upToDateCheck;

    private final Set<JibMavenPluginExtension<?>> injectedExtensions;

    /** @param injectedExtensions Jib extensions that register as Maven components, as Jib's own Mojos get them */
    @Inject
    public BuildMojo(SettingsDecrypter settingsDecrypter, Set<JibMavenPluginExtension<?>> injectedExtensions) {
        super(settingsDecrypter);
        this.injectedExtensions = injectedExtensions == null ? Set.of() : injectedExtensions;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped()) {
            return;
        }
        // The console closes (erasing its progress footer) before an error is reported.
        try (Console console = console()) {
            build(console.log());
        } catch (ConfigurationException e) {
            throw Errors.mojo(getLog(), e.getMessage(), e);
        } catch (Exception e) {
            throw Errors.toMojo(getLog(), e);
        }
    }

    private void build(Log log) throws Exception {
        TempDirectoryProvider temporary = new TempDirectoryProvider();
        // Jib's Maven side logs through the console's log too, so its lines also keep clear of the footer.
        MavenProjectProperties jibProject = MavenProjectProperties.getForProject(plugin, project, session, log,
                temporary, injectedExtensions);
        try {
            FitaSettings settings = settings(jibProject);
            settings.warnings().forEach(log::warn);
            activateProxies();
            UpToDateCheck.Result check = upToDate(settings, log);
            if (check != null && check.upToDate()) {
                Path layout = settings.layoutDirectory();
                log.info("Up to date: nothing that shapes the image changed since the last build ("
                        + (layout.startsWith(basedir()) ? basedir().relativize(layout) : layout) + ", index "
                        + Files.readString(settings.imageDigest()).trim() + "; -Dfita.upToDateCheck=false builds anyway)");
                hintHowToPush(log, settings);
                return;
            }
            BuildRecord.delete(settings.outputDirectory());
            JibImageBuilder builder = new JibImageBuilder(settings, properties(), new JibImageBuilder.Context(
                    jibProject, settingsServers(registryOf(settings.from().image())), globalConfig(),
                    plugin == null ? "unknown" : plugin.getVersion(), log));
            BuildResult result = new ImageBuildService(builder, log).build(settings,
                    OutputTimestamp.parse(project.getProperties().getProperty("project.build.outputTimestamp"))
                            .orElse(null),
                    settings.to().image() != null ? settings.to().image()
                            : project.getArtifactId() + ":" + project.getVersion());
            if (check != null) {
                BuildRecord.afterBuild(settings, check.inputsOrNull(), result.baseDigestOrNull());
            }
            report(log, result);
            hintHowToPush(log, settings);
        } finally {
            temporary.close();
            jibProject.waitForLoggingThread();
        }
    }

    /** The up-to-date check, or null when switched off (-Dfita.upToDateCheck=false). */
    private UpToDateCheck.Result upToDate(FitaSettings settings, Log log) {
        if (!properties().flag("fita.upToDateCheck", upToDateCheck)) {
            return null;
        }
        boolean offline = session != null && session.isOffline();
        UpToDateCheck.Result check = UpToDateCheck.check(settings, () -> ProjectInputs.of(project, session, plugin,
                settings), settings.from().image(), offline, () -> {
                    RegistryAccess access = registryAccess(log, registryOf(settings.from().image()));
                    return access.client(settings, access.from(settings));
                });
        log.debug("Up-to-date check: " + check.reason());
        return check;
    }

    private static GlobalConfig globalConfig() {
        try {
            return GlobalConfig.readConfig();
        } catch (Exception e) {
            throw JibErrors.configuration(e);
        }
    }

    /** The registry whose settings.xml password must decrypt before anything runs; none for tar:// and the like. */
    private static String[] registryOf(String baseImage) {
        try {
            return baseImage == null || baseImage.contains("://") ? new String[0]
                    : new String[] {ImageReference.parse(baseImage).registry()};
        } catch (InvalidReferenceException e) {
            return new String[0];
        }
    }

    private static void report(Log log, BuildResult result) {
        ImageRecord record = result.record();
        log.info("Built OCI image layout " + result.layout() + " (index " + record.digest() + ")");
        for (ImageRecord.Entry entry : record.platforms()) {
            log.info("  " + entry.platform() + " -> " + entry.digest() + " (" + entry.size() + " bytes)");
        }
        log.info("Tags: " + String.join(", ", record.tags()));
    }

    /** Jib's build pushes; fita's does not: say so once when this invocation runs no fita:push. */
    private void hintHowToPush(Log log, FitaSettings settings) {
        if (settings.to().image() == null || session == null) {
            return;
        }
        List<String> pushPhases = new ArrayList<>();
        Plugin self = plugin == null ? null : project.getPlugin(plugin.getPluginLookupKey());
        for (PluginExecution execution : self == null ? List.<PluginExecution>of() : self.getExecutions()) {
            if (execution.getGoals().contains("push")) {
                pushPhases.add(execution.getPhase() == null ? "deploy" : execution.getPhase());
            }
        }
        if (!PushFollows.inThisBuild(session.getGoals(), pushPhases)) {
            log.info("The image is built, not pushed: run 'mvn fita:push' to push it to " + settings.to().image()
                    + " (Jib's jib:build is fita:build followed by fita:push)");
        }
    }
}
