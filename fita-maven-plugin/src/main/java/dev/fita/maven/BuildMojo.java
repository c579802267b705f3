package dev.fita.maven;

import com.google.cloud.tools.jib.api.Containerizer;
import dev.fita.maven.build.BuildResult;
import dev.fita.maven.build.ImageBuildService;
import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.OutputTimestamp;
import dev.fita.maven.credentials.RegistryCredentials;
import dev.fita.maven.image.ImageRecord;
import dev.fita.maven.jib.AppLayers;
import dev.fita.maven.jib.ContainerImageBuilder;
import dev.fita.maven.jib.JibLog;
import dev.fita.maven.jib.ProgressBoard;
import dev.fita.oci.registry.ImageReference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Builds one multi-platform OCI image layout under {@code target/fita/image}: one jib-core image
 * per linux platform plus, when {@code <embServe>} is configured, the embServe artifact entry.
 * Needs no target registry.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BuildMojo extends AbstractFitaMojo {
    private static final Set<String> RUNTIME_SCOPES =
            Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME, Artifact.SCOPE_SYSTEM);

    @Inject
    public BuildMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped()) {
            return;
        }
        FitaSettings settings = settings();
        try {
            Optional<Instant> timestamp = OutputTimestamp.parse(
                    project.getProperties().getProperty("project.build.outputTimestamp"));
            // Without a timestamp, Jib's own defaults: creation at the epoch, files at epoch + 1s.
            Instant creationTime = timestamp.orElse(Instant.EPOCH);
            Instant filesTime = timestamp.orElse(Instant.ofEpochSecond(1));
            Path classes = Path.of(project.getBuild().getOutputDirectory());
            JibLog jibLog = new JibLog(getLog(), "");
            String mainClass = ContainerImageBuilder.mainClass(settings.container(), classes, jibLog);

            RegistryCredentials baseCredentials = new RegistryCredentials(settings.from().auth(), "<from><auth>",
                    settings.from().credHelper(),
                    settingsServers(ImageReference.parse(settings.from().image()).registry()),
                    System.getenv(), jibLog);
            ExecutorService jibExecutor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fita-jib");
                thread.setDaemon(true);
                return thread;
            });
            try {
                ContainerImageBuilder builder = new ContainerImageBuilder(
                        new ContainerImageBuilder.BaseImage(settings.from().image(), baseCredentials::retrievers),
                        settings.container(), appLayers(classes), creationTime, filesTime,
                        new ContainerImageBuilder.JibOptions(settings.allowInsecureRegistries(), session.isOffline(),
                                Containerizer.DEFAULT_BASE_CACHE_DIRECTORY.resolveSibling("jib-fita"),
                                Path.of(project.getBuild().getDirectory()).resolve("jib-cache"),
                                jibExecutor, getLog(), progressBoard()));
                BuildResult result = new ImageBuildService(builder, getLog())
                        .build(settings, mainClass, timestamp.orElse(null));
                report(result);
            } finally {
                jibExecutor.shutdown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.mojo(getLog(), "fita:build was interrupted", e);
        } catch (ConfigurationException e) {
            throw Errors.mojo(getLog(), e.getMessage(), e);
        } catch (Exception e) {
            throw Errors.toMojo(getLog(), e);
        }
    }

    private void report(BuildResult result) {
        ImageRecord record = result.record();
        getLog().info("Built OCI image layout " + result.layout() + " (index " + record.digest() + ")");
        for (ImageRecord.Entry entry : record.platforms()) {
            getLog().info("  " + entry.platform() + " -> " + entry.digest() + " (" + entry.size() + " bytes)");
        }
        getLog().info("Tags: " + String.join(", ", record.tags()));
    }

    private AppLayers appLayers(Path classes) {
        List<Path> dependencies = new ArrayList<>();
        List<Path> snapshots = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (artifact.getFile() == null || !RUNTIME_SCOPES.contains(artifact.getScope())) {
                continue;
            }
            if (artifact.getFile().isDirectory()) {
                getLog().warn("Dependency " + artifact + " is a directory (a reactor module not packaged yet); "
                        + "run the build with 'package' so its jar goes into the image");
                continue;
            }
            (artifact.isSnapshot() ? snapshots : dependencies).add(artifact.getFile().toPath());
        }
        return new AppLayers(dependencies, snapshots, classes);
    }

    /** A live progress bar only in an interactive terminal; plain lines for --batch-mode and CI logs. */
    private ProgressBoard progressBoard() {
        boolean interactive = session.getRequest() != null && session.getRequest().isInteractiveMode();
        return interactive && System.console() != null ? new ProgressBoard(System.out) : null;
    }
}
