package dev.fita.maven.push;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.goal.CopyProgressLog;
import dev.fita.maven.image.BuiltImage;
import dev.fita.oci.content.CopyOptions;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.InvalidReferenceException;
import dev.fita.oci.registry.RegistryClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/** The {@code push} goal's work: copy the layout {@code build} wrote to {@code <to><image>} and every tag. */
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

    /** What {@code build} left, or a sentence saying to run it (or that it did not finish). */
    public static BuiltImage builtImage(FitaSettings settings, Path basedir) {
        return BuiltImage.find(settings, basedir, "");
    }

    public CopyResult push(FitaSettings settings, BuiltImage built, ImageReference target) {
        List<String> tags = target.tagsWith(settings.to().tags());
        log.info("Pushing " + built.root().digest() + " to " + target.name() + " as " + String.join(", ", tags));
        CopyOptions options = CopyOptions.DEFAULT;
        Optional<String> base = baseRepositoryOn(settings, target);
        if (base.isPresent()) {
            // The base layers are already in the registry: mount them instead of uploading them again.
            log.debug("Mounting missing blobs from " + base.get() + " where possible");
            options = options.withMountFrom(List.of(base.get()));
        }
        return new GraphCopy(options).copy(built.layout(), built.root(), client.target(target), tags,
                new CopyProgressLog(log, "Pushing blobs"));
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
