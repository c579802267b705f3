package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JavaContainerBuilder;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.MainClassFinder;
import com.google.cloud.tools.jib.api.Ports;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.progress.ProgressEventHandler;
import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.ContainerSettings;
import dev.fita.oci.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs jib-core once for one linux platform: base image from the registry, application layers
 * as jib-maven-plugin makes them, {@link ImageFormat#OCI}, written to an OCI tar. jib-core cannot
 * write a multi-platform tar, so the caller runs one of these per platform and composes the index.
 */
public final class ContainerImageBuilder {

    /** How to reach the base image. */
    public record BaseImage(String image, Function<ImageReference, List<CredentialRetriever>> credentials) {}

    /** How Jib runs: caches (the base cache is a root with one directory per platform), network and output. */
    public record JibOptions(boolean allowInsecureRegistries, boolean offline, Path baseCache, Path applicationCache,
            ExecutorService executor, Log log, ProgressBoard progressBoardOrNull) {}

    private final BaseImage base;
    private final ContainerSettings container;
    private final AppLayers app;
    private final Instant creationTime;
    private final Instant filesModificationTime;
    private final JibOptions options;

    public ContainerImageBuilder(BaseImage base, ContainerSettings container, AppLayers app,
            Instant creationTime, Instant filesModificationTime, JibOptions options) {
        this.base = base;
        this.container = container;
        this.app = app;
        this.creationTime = creationTime;
        this.filesModificationTime = filesModificationTime;
        this.options = options;
    }

    /** The main class: configured, else the single one jib-core finds in the classes directory. */
    public static String mainClass(ContainerSettings container, Path classesDirectory, java.util.function.Consumer<LogEvent> log)
            throws IOException {
        if (container.mainClass() != null) {
            return container.mainClass();
        }
        if (container.entrypoint() != null) {
            return null;
        }
        List<Path> classFiles = List.of();
        if (Files.isDirectory(classesDirectory)) {
            try (Stream<Path> walk = Files.walk(classesDirectory)) {
                classFiles = walk.filter(p -> p.toString().endsWith(".class")).toList();
            }
        }
        MainClassFinder.Result result = MainClassFinder.find(classFiles, log);
        return switch (result.getType()) {
            case MAIN_CLASS_FOUND -> result.getFoundMainClass();
            case MULTIPLE_MAIN_CLASSES -> throw new ConfigurationException("<container><mainClass> is not set and "
                    + classesDirectory + " has several main classes (" + String.join(", ", result.getFoundMainClasses())
                    + "); set <container><mainClass> or -Dfita.container.mainClass");
            case MAIN_CLASS_NOT_FOUND -> throw new ConfigurationException("<container><mainClass> is not set and no "
                    + "class with a main method was found in " + classesDirectory
                    + "; set <container><mainClass> or <container><entrypoint>");
        };
    }

    /** Builds {@code build.platform()} into {@code build.tarFile()}; the main class is resolved by the caller. */
    public void build(PlatformBuild build, String mainClass) throws Exception {
        Platform platform = build.platform();
        JibLog jibLog = new JibLog(options.log(), platform.toString());
        ImageReference baseReference;
        try {
            baseReference = ImageReference.parse(base.image());
        } catch (InvalidImageReferenceException e) {
            throw new ConfigurationException("<from><image> '" + base.image() + "' is not a valid image reference", e);
        }
        RegistryImage baseImage = RegistryImage.named(baseReference);
        for (CredentialRetriever retriever : base.credentials().apply(baseReference)) {
            baseImage.addCredentialRetriever(retriever);
        }

        JavaContainerBuilder java = JavaContainerBuilder.from(baseImage)
                .setModificationTimeProvider((source, target) -> filesModificationTime);
        if (container.appRoot() != null) {
            java.setAppRoot(container.appRoot());
        }
        java.addDependencies(existingFiles(app.dependencies()));
        java.addSnapshotDependencies(existingFiles(app.snapshotDependencies()));
        if (Files.isDirectory(app.classesDirectory())) {
            java.addResources(app.classesDirectory(), path -> !isClassFile(path));
            java.addClasses(app.classesDirectory(), ContainerImageBuilder::isClassFile);
        }
        if (mainClass != null) {
            java.setMainClass(mainClass);
        }
        java.addJvmFlags(container.jvmFlags());

        // jib-core's Platform takes (architecture, os); it has no variant, which the index entry restores.
        JibContainerBuilder jib = java.toContainerBuilder()
                .setPlatforms(Set.of(new com.google.cloud.tools.jib.api.buildplan.Platform(
                        platform.architecture(), platform.os())))
                .setFormat(ImageFormat.OCI)
                .setCreationTime(creationTime);
        if (container.entrypoint() != null) {
            jib.setEntrypoint(container.entrypoint());
        }
        if (container.args() != null) {
            jib.setProgramArguments(container.args());
        }
        if (!container.ports().isEmpty()) {
            try {
                jib.setExposedPorts(Ports.parse(container.ports()));
            } catch (RuntimeException e) {
                throw new ConfigurationException("<container><ports> " + container.ports()
                        + " is not a list of ports such as 8080, 1000-1003 or 53/udp", e);
            }
        }
        container.environment().forEach(jib::addEnvironmentVariable);
        container.labels().forEach(jib::addLabel);
        if (container.user() != null) {
            jib.setUser(container.user());
        }
        if (container.workingDirectory() != null) {
            jib.setWorkingDirectory(AbsoluteUnixPath.get(container.workingDirectory()));
        }

        Containerizer containerizer = Containerizer
                .to(TarImage.at(build.tarFile()).named("fita-build/" + platform.architecture() + ":latest"))
                .setToolName("fita-maven-plugin")
                .setAllowInsecureRegistries(options.allowInsecureRegistries())
                .setOfflineMode(options.offline())
                // Jib records base image metadata for tag references only with this; without it '-o' never finds the base.
                .setAlwaysCacheBaseImage(true)
                // One base cache per platform: Jib keeps one metadata file per base reference and each run
                // overwrites it with its own platform, so a shared cache would remember only the last platform
                // (and '-o' would then fail for the others).
                .setBaseImageLayersCache(options.baseCache().resolve(platform.toString().replace('/', '-')))
                .setApplicationLayersCache(options.applicationCache())
                .setExecutorService(options.executor())
                .addEventHandler(LogEvent.class, jibLog)
                .addEventHandler(ProgressEvent.class, new ProgressEventHandler(
                        new ProgressLine(platform.toString(), options.log(), options.progressBoardOrNull())));
        jib.containerize(containerizer);
    }

    private static boolean isClassFile(Path path) {
        return path.getFileName().toString().endsWith(".class");
    }

    private static List<Path> existingFiles(List<Path> paths) {
        return paths.stream().filter(Files::isRegularFile).toList();
    }
}
