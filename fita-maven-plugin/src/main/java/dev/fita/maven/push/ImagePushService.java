package dev.fita.maven.push;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.image.ImageRecord;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.InvalidReferenceException;
import dev.fita.oci.registry.LayoutPusher;
import dev.fita.oci.registry.PushResult;
import dev.fita.oci.registry.RegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/** The {@code push} goal's work: push the layout {@code build} wrote to {@code <to><image>} and every tag. */
public final class ImagePushService {
    private final RegistryClient client;
    private final Log log;

    public ImagePushService(RegistryClient client, Log log) {
        this.client = client;
        this.log = log;
    }

    /** The target reference, or a sentence saying how to set it. */
    public static ImageReference target(FitaSettings settings) {
        if (settings.to().image() == null) {
            throw new ConfigurationException("<to><image> is not set: fita:push needs a target such as "
                    + "registry.example.com/fita/app:1.0 in <to><image> or -Dfita.to.image");
        }
        try {
            return ImageReference.parse(settings.to().image());
        } catch (InvalidReferenceException e) {
            throw new ConfigurationException("<to><image>: " + e.getMessage(), e);
        }
    }

    /** What {@code build} left, or a sentence saying to run it. */
    public static ImageRecord builtImage(FitaSettings settings, Path basedir) throws IOException {
        Path layout = settings.layoutDirectory();
        if (!Files.isRegularFile(layout.resolve("index.json")) || !Files.isRegularFile(settings.imageJson())) {
            Path shown = basedir != null && layout.startsWith(basedir) ? basedir.relativize(layout) : layout;
            throw new ConfigurationException("No image built: run fita:build first (" + shown + " is missing)");
        }
        return ImageRecord.read(settings.imageJson());
    }

    public PushResult push(FitaSettings settings, ImageRecord built, ImageReference target) throws IOException {
        Path layout = settings.layoutDirectory();
        Digest digest = Digest.parse(built.digest());
        Path indexBlob = OciLayout.open(layout).blobPath(digest);
        if (!Files.isRegularFile(indexBlob)) {
            throw new ConfigurationException("No image built: run fita:build first (" + indexBlob + " is missing)");
        }
        Descriptor root = new Descriptor(MediaTypes.OCI_INDEX, digest, Files.size(indexBlob));
        log.info("Pushing " + built.digest() + " to " + target.name() + " as " + String.join(", ", settings.to().tags()));
        LayoutPusher pusher = new LayoutPusher(client);
        Optional<String> base = baseRepositoryOn(settings, target);
        if (base.isPresent()) {
            // The base layers are already in the registry: mount them instead of uploading them again.
            log.debug("Mounting missing blobs from " + base.get() + " where possible");
            pusher = pusher.mountingFrom(List.of(base.get()));
        }
        return pusher.push(layout, root, target, settings.to().tags(), new LoggingPushListener(log, "Pushing blobs"));
    }

    /** The base image's repository when it lives on the target's registry. */
    static Optional<String> baseRepositoryOn(FitaSettings settings, ImageReference target) {
        if (settings.from() == null || settings.from().image() == null) {
            return Optional.empty();
        }
        try {
            ImageReference base = ImageReference.parse(settings.from().image());
            return base.registry().equals(target.registry()) && !base.repository().equals(target.repository())
                    ? Optional.of(base.repository()) : Optional.empty();
        } catch (InvalidReferenceException e) {
            return Optional.empty();
        }
    }
}
