package dev.fita.maven.append;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.goal.CopyProgressLog;
import dev.fita.maven.image.EmbServeLoader;
import dev.fita.maven.image.ImageRecord;
import dev.fita.oci.append.AppendResult;
import dev.fita.oci.append.ImageAppender;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.InvalidReferenceException;
import dev.fita.oci.registry.RegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import org.apache.maven.plugin.logging.Log;

/**
 * The {@code append} goal's work: read {@code <from><image>} from its registry, add the embServe entry,
 * push the new index to {@code <to><image>} and its tags, and write image.json and image.digest.
 */
public final class ImageAppendService {
    private final RegistryClient client;
    private final Log log;

    public ImageAppendService(RegistryClient client, Log log) {
        this.client = client;
        this.log = log;
    }

    /**
     * The image to append to. Only an explicit {@code <from><image>} counts: the build's default base
     * image is never what a user wants to add a service to.
     */
    public static ImageReference source(String explicitFromImage) {
        if (explicitFromImage == null || explicitFromImage.isBlank()) {
            throw new ConfigurationException("<from><image> is not set: fita:append needs the existing image to add "
                    + "the embServe entry to, e.g. -Dfita.from.image=registry.example.com/fita/app:1.0");
        }
        try {
            return ImageReference.parse(explicitFromImage.trim());
        } catch (InvalidReferenceException e) {
            throw new ConfigurationException("<from><image>: " + e.getMessage(), e);
        }
    }

    /** The target: {@code <to><image>}, which may equal {@code <from><image>} to rewrite the image in place. */
    public static ImageReference target(FitaSettings settings) {
        if (settings.to().image() == null) {
            throw new ConfigurationException("<to><image> is not set: fita:append needs a target such as "
                    + "registry.example.com/fita/app:1.0 in <to><image> or -Dfita.to.image (it may equal the source)");
        }
        try {
            return ImageReference.parse(settings.to().image());
        } catch (InvalidReferenceException e) {
            throw new ConfigurationException("<to><image>: " + e.getMessage(), e);
        }
    }

    /**
     * Appends and pushes. {@code createdOrNull} ({@code project.build.outputTimestamp}) becomes the embServe
     * manifest's created annotation, exactly as in {@code build}, so both make the same entry.
     */
    public AppendResult append(FitaSettings settings, ImageReference from, ImageReference to, Instant createdOrNull)
            throws IOException {
        if (settings.embServe() == null) {
            throw new ConfigurationException("<embServe><service> is not set: fita:append needs the service.json to "
                    + "add, e.g. -Dfita.embServe.service=service.json");
        }
        // A failed append must not leave an earlier image.json that names another image.
        Files.deleteIfExists(settings.imageJson());
        Files.deleteIfExists(settings.imageDigest());
        EmbServeLoader.Loaded loaded = EmbServeLoader.load(settings.embServe(), createdOrNull, log::warn);
        log.info("Appending embServe service '" + loaded.name() + "' version " + loaded.version() + " as "
                + settings.embServe().platform() + " to " + from + " -> " + to.name() + " (" + howCopied(from, to) + ")");
        AppendResult result = new ImageAppender(client).append(from, to, settings.to().tags(), loaded.artifact(),
                new CopyProgressLog(log, "Copying blobs"));
        write(settings, result);
        return result;
    }

    private static String howCopied(ImageReference from, ImageReference to) {
        if (!from.registry().equals(to.registry())) {
            return "streaming the source's blobs from " + from.registry();
        }
        return from.repository().equals(to.repository())
                ? "same repository: only the embServe content is new"
                : "same registry: mounting the source's blobs";
    }

    private static void write(FitaSettings settings, AppendResult result) throws IOException {
        ImageRecord.of(settings.to().image(), result.push().tags(), result.index().digest(), result.entries())
                .writeTo(settings.imageJson(), settings.imageDigest());
    }
}
