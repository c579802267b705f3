package dev.fita.maven.build;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.image.EmbServeLoader;
import dev.fita.maven.image.ImageRecord;
import dev.fita.maven.image.JibTarImport;
import dev.fita.maven.image.JibTarImport.ImportedImage;
import dev.fita.maven.jib.ContainerImageBuilder;
import dev.fita.maven.jib.JibErrors;
import dev.fita.maven.jib.PlatformBuild;
import dev.fita.oci.Blob;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.compose.CompositionException;
import dev.fita.oci.compose.IndexComposer;
import dev.fita.oci.embserve.EmbServeArtifact;
import dev.fita.oci.layout.OciLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.Log;

/**
 * The {@code build} goal's work: validate the embServe input, run jib-core once per linux platform
 * (in parallel), copy each result into one OCI image layout, compose and tag the index, and write
 * image.json and image.digest. Nothing here talks to the target registry.
 */
public final class ImageBuildService {
    /** jib-core parallelises inside a build too; a few platforms at a time is enough on small machines. */
    private static final int MAX_PARALLEL_PLATFORMS = 3;

    private final ContainerImageBuilder builder;
    private final Log log;

    public ImageBuildService(ContainerImageBuilder builder, Log log) {
        this.builder = builder;
        this.log = log;
    }

    /**
     * @param mainClassOrNull the resolved main class (null when an entrypoint is configured)
     * @param createdOrNull {@code project.build.outputTimestamp}, for the embServe {@code created} annotation
     */
    public BuildResult build(FitaSettings settings, String mainClassOrNull, Instant createdOrNull) throws Exception {
        Path layoutDir = settings.layoutDirectory();
        Path work = settings.outputDirectory().resolve("work");
        // A failed build must not leave a previous image for push to pick up.
        deleteRecursively(layoutDir);
        deleteRecursively(work);
        Files.deleteIfExists(settings.imageJson());
        Files.deleteIfExists(settings.imageDigest());
        EmbServeArtifact embServe = null;
        if (settings.embServe() != null) {
            EmbServeLoader.Loaded loaded = EmbServeLoader.load(settings.embServe(), createdOrNull);
            embServe = loaded.artifact();
            log.info("embServe service '" + loaded.name() + "' version " + loaded.version() + " from "
                    + settings.embServe().service() + " as " + settings.embServe().platform());
        } else {
            log.info("No <embServe> configured: building a plain multi-platform image");
        }

        Files.createDirectories(work);
        OciLayout layout = OciLayout.create(layoutDir);

        List<PlatformBuild> builds = new ArrayList<>();
        for (Platform platform : settings.platforms()) {
            builds.add(new PlatformBuild(platform, work.resolve(fileName(platform) + ".tar")));
        }
        ImageIndex index;
        try {
            runJib(settings, builds, mainClassOrNull);
            index = compose(layout, builds, work, embServe);
        } finally {
            // The per-platform tars are only a step; they are not part of the result.
            deleteRecursively(work);
        }
        Descriptor indexDescriptor = layout.writeBlob(MediaTypes.OCI_INDEX, index.toJson());
        List<String> tags = settings.to().tags();
        layout.tag(indexDescriptor, tags);

        ImageRecord record = ImageRecord.of(settings.to().image(), tags, indexDescriptor.digest(), index.manifests());
        record.writeTo(settings.imageJson(), settings.imageDigest());
        return new BuildResult(layoutDir, record);
    }

    private static ImageIndex compose(OciLayout layout, List<PlatformBuild> builds, Path work,
            EmbServeArtifact embServe) {
        IndexComposer composer = new IndexComposer();
        for (PlatformBuild build : builds) {
            ImportedImage image = JibTarImport.importInto(layout, build.tarFile(),
                    work.resolve(fileName(build.platform())), build.platform());
            composer.addImage(image.manifest(), image.configJson(), build.platform());
        }
        if (embServe != null) {
            for (Blob blob : embServe.blobs()) {
                layout.writeBlob(blob.descriptor().mediaType(), blob.bytes());
            }
            composer.addEntry(embServe.indexEntry());
        }
        try {
            return composer.compose(null);
        } catch (CompositionException e) {
            throw new ConfigurationException("<platforms>: " + e.getMessage(), e);
        }
    }

    private void runJib(FitaSettings settings, List<PlatformBuild> builds, String mainClass) throws Exception {
        int threads = Math.min(builds.size(), MAX_PARALLEL_PLATFORMS);
        ExecutorService platforms = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "fita-platform");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (PlatformBuild build : builds) {
                log.info("Building " + build.platform() + " from " + settings.from().image());
                futures.add(platforms.submit(() -> {
                    builder.build(build, mainClass);
                    return null;
                }));
            }
            // Report the first failure in platform order, so the message does not depend on timing.
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof ConfigurationException configuration) {
                        throw configuration;
                    }
                    throw JibErrors.describe(cause, settings.from().image(), builds.get(i).platform(),
                            settings.platforms());
                }
            }
        } finally {
            platforms.shutdownNow();
        }
    }

    static String fileName(Platform platform) {
        return platform.toString().replace('/', '-');
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
