package dev.fita.maven.push;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.goal.CopyProgressLog;
import dev.fita.maven.image.BuiltImage;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.compose.PlatformTags;
import dev.fita.oci.content.CopyOptions;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.embserve.EmbServeArtifact;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.InvalidReferenceException;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.registry.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/**
 * The {@code push} goal's work: copy the layout {@code build} wrote to {@code <to><image>} and every tag, or,
 * for one runner of a CI matrix, each platform's image under its per-platform tags.
 */
public final class ImagePushService {
    private final RegistryClient client;
    private final Log log;

    public ImagePushService(RegistryClient client, Log log) {
        this.client = client;
        this.log = log;
    }

    /** The target reference, or a sentence saying how to set it. */
    public static ImageReference target(FitaSettings settings) {
        return target(settings, "fita:push");
    }

    /** The target reference of {@code goal} (e.g. fita:merge), or a sentence saying how to set it. */
    public static ImageReference target(FitaSettings settings, String goal) {
        if (settings.to().image() == null) {
            throw new ConfigurationException("<to><image> is not set: " + goal + " needs a target such as "
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
        return new GraphCopy(copyOptions(settings, target)).copy(built.layout(), built.root(), client.target(target),
                tags, new CopyProgressLog(log, "Pushing blobs"));
    }

    /**
     * The push of one runner of a CI matrix ({@code <partial>}): each container platform's image manifest
     * alone, under its per-platform tag of every release tag ({@link PlatformTags}); no index, no embServe
     * entry, and no release tag moves: {@code fita:merge} does that once every platform is in. Every tag is
     * checked before anything is sent.
     */
    public List<CopyResult> pushPartial(FitaSettings settings, BuiltImage built, ImageReference target) {
        List<String> releaseTags = target.tagsWith(settings.to().tags());
        Repository repository = client.target(target);
        Map<Descriptor, List<String>> images = new LinkedHashMap<>();
        for (Descriptor entry : ImageIndex.fromJson(built.layout().fetchAll(built.root())).manifests()) {
            if (!EmbServeArtifact.isArtifact(ImageManifest.fromJson(built.layout().fetchAll(entry)))) {
                List<String> tags = PlatformTags.of(releaseTags, entry.platform());
                tags.forEach(repository::checkTag);
                images.put(entry, tags);
            }
        }
        log.info("Partial push: " + images.size() + " platform image(s) to " + target.name()
                + " under per-platform tags; no index, no embServe entry, release tags " + String.join(", ", releaseTags)
                + " untouched");
        GraphCopy copy = new GraphCopy(copyOptions(settings, target));
        List<CopyResult> results = new ArrayList<>();
        images.forEach((entry, tags) -> {
            log.info("Pushing " + entry.platform() + " " + entry.digest() + " as " + String.join(", ", tags));
            results.add(copy.copy(built.layout(), entry, repository, tags,
                    new CopyProgressLog(log, "Pushing " + entry.platform())));
        });
        return results;
    }

    private CopyOptions copyOptions(FitaSettings settings, ImageReference target) {
        Optional<String> base = baseRepositoryOn(settings, target);
        if (base.isEmpty()) {
            return CopyOptions.DEFAULT;
        }
        // The base layers are already in the registry: mount them instead of uploading them again.
        log.debug("Mounting missing blobs from " + base.get() + " where possible");
        return CopyOptions.DEFAULT.withMountFrom(List.of(base.get()));
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
