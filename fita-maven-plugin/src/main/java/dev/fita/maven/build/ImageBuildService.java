package dev.fita.maven.build;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.image.EmbServeLoader;
import dev.fita.maven.image.ImageRecord;
import dev.fita.maven.image.ContainerImage;
import dev.fita.maven.jib.LinuxImageBuilder;
import dev.fita.oci.Blob;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.compose.CompositionException;
import dev.fita.oci.compose.IndexComposer;
import dev.fita.oci.embserve.EmbServeArtifact;
import dev.fita.oci.layout.LayoutTar;
import dev.fita.oci.layout.OciLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.Log;

/**
 * The {@code build} goal's work: validate the embServe input, build the linux platforms' images into
 * one OCI image layout (one jib-core run for all of them), compose and tag the index, and write
 * image.json, image.digest, Jib's output files and, when asked, the layout as an OCI archive.
 * Nothing here talks to the target registry.
 */
public final class ImageBuildService {
    private final LinuxImageBuilder builder;
    private final Log log;

    public ImageBuildService(LinuxImageBuilder builder, Log log) {
        this.builder = builder;
        this.log = log;
    }

    /**
     * @param createdOrNull {@code project.build.outputTimestamp}, for the embServe {@code created} annotation
     * @param imageName the name Jib's image JSON gives the image: {@code <to><image>}, else Jib's
     *     {@code artifactId:version}
     */
    public BuildResult build(FitaSettings settings, Instant createdOrNull, String imageName) throws Exception {
        Path layoutDir = settings.layoutDirectory();
        Path work = settings.outputDirectory().resolve("work");
        // A failed build must not leave a previous image for push to pick up.
        deleteRecursively(layoutDir);
        deleteRecursively(work);
        Files.deleteIfExists(settings.imageJson());
        Files.deleteIfExists(settings.imageDigest());
        EmbServeArtifact embServe = null;
        if (settings.embServe() != null) {
            EmbServeLoader.Loaded loaded = EmbServeLoader.load(settings.embServe(), createdOrNull, log::warn);
            embServe = loaded.artifact();
            log.info("embServe service '" + loaded.name() + "' version " + loaded.version() + " from "
                    + settings.embServe().service() + " as " + settings.embServe().platform());
        } else {
            log.info("No <embServe> configured: building a plain multi-platform image");
        }

        Files.createDirectories(work);
        OciLayout layout = OciLayout.create(layoutDir);
        IndexComposer composer = new IndexComposer();
        String baseDigest;
        try {
            List<Platform> platforms = settings.platforms();
            log.info("Building " + String.join(", ", platforms.stream().map(Platform::toString).toList()) + " from "
                    + settings.from().image());
            LinuxImageBuilder.Images built = builder.build(platforms, layout, work);
            baseDigest = built.baseDigestOrNull();
            List<ContainerImage> images = built.images();
            for (int i = 0; i < platforms.size(); i++) {
                composer.addImage(images.get(i).manifest(), images.get(i).configJson(), platforms.get(i));
            }
        } catch (CompositionException e) {
            throw new ConfigurationException("<platforms>: " + e.getMessage(), e);
        } finally {
            // Scratch files are only a step; they are not part of the result.
            deleteRecursively(work);
        }
        if (embServe != null) {
            for (Blob blob : embServe.blobs()) {
                layout.writeBlob(blob.descriptor().mediaType(), blob.bytes());
            }
            composer.addEntry(embServe.indexEntry());
        }
        ImageIndex index;
        try {
            index = composer.compose(null);
        } catch (CompositionException e) {
            throw new ConfigurationException("<platforms>: " + e.getMessage(), e);
        }
        Descriptor indexDescriptor = layout.writeBlob(MediaTypes.OCI_INDEX, index.toJson());
        layout.tag(indexDescriptor, settings.to().tags());

        ImageRecord record = ImageRecord.of(settings.to().image(), settings.to().tags(), indexDescriptor.digest(),
                index.manifests());
        record.writeTo(settings.imageJson(), settings.imageDigest());
        JibOutputs.write(settings.outputPaths(), imageName, record, layout);
        if (settings.outputPaths().tarOrNull() != null) {
            Files.createDirectories(settings.outputPaths().tarOrNull().toAbsolutePath().getParent());
            LayoutTar.export(layout, settings.outputPaths().tarOrNull());
            log.info("Wrote the OCI image layout as an OCI archive to " + settings.outputPaths().tarOrNull());
        }
        return new BuildResult(layoutDir, record, baseDigest);
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
