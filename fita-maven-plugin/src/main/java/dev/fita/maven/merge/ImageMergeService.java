package dev.fita.maven.merge;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.goal.CopyProgressLog;
import dev.fita.maven.goal.CopyReport;
import dev.fita.maven.image.EmbServeLoader;
import dev.fita.maven.image.ImageRecord;
import dev.fita.oci.Blob;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.compose.IndexComposer;
import dev.fita.oci.compose.PlatformImage;
import dev.fita.oci.compose.PlatformTags;
import dev.fita.oci.content.CopyOptions;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.content.MemoryStorage;
import dev.fita.oci.content.OverlayStorage;
import dev.fita.oci.embserve.EmbServeArtifact;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.registry.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/**
 * The {@code merge} goal's work. Finds each configured platform's image at its per-platform tag of
 * {@code <to><image>} (or where {@code <platformImages>} says), checks that it is a single image of that
 * platform, composes the index exactly as {@code fita:build} does (the same {@link IndexComposer} calls in
 * the same order, the same embServe artifact from {@code project.build.outputTimestamp}), pushes it and moves
 * the release tags last. Reads manifests and configs only: the images' layers are already in the target
 * repository, and the copy skips everything under a manifest the registry holds. Every check runs before
 * anything is sent, so a failure leaves every tag as it was.
 */
public final class ImageMergeService {
    private final RegistryClient client;
    private final Log log;

    public ImageMergeService(RegistryClient client, Log log) {
        this.client = client;
        this.log = log;
    }

    /** One platform's image and the repository it was found in. */
    private record Found(PlatformImage image, ImageReference reference, Repository store) {}

    /**
     * @param elsewhere the platforms whose image is not at the per-platform tag of {@code target}
     * @param createdOrNull {@code project.build.outputTimestamp}, for the embServe {@code created} annotation
     */
    public MergeResult merge(FitaSettings settings, ImageReference target, Map<Platform, ImageReference> elsewhere,
            Instant createdOrNull) throws IOException {
        // A failed merge must not leave an earlier image.json that names another image.
        Files.deleteIfExists(settings.imageJson());
        Files.deleteIfExists(settings.imageDigest());
        EmbServeArtifact embServe = null;
        if (settings.embServe() != null) {
            embServe = EmbServeLoader.load(settings.embServe(), createdOrNull, log::warn).artifact();
        }
        List<String> tags = target.tagsWith(settings.to().tags());
        Repository repository = client.target(target);
        tags.forEach(repository::checkTag);
        log.info("Merging " + settings.platforms().stream().map(Platform::toString).collect(Collectors.joining(", "))
                + (embServe == null ? " (no <embServe> configured)" : " and the embServe entry " + embServe.platform())
                + " into " + target.name() + " as " + String.join(", ", tags));

        List<Found> images = find(settings.platforms(), target, tags.get(0), elsewhere, repository);
        for (Found found : images) {
            if (found.store() != repository) {
                copyToTarget(found, target, repository);
            }
        }

        IndexComposer composer = new IndexComposer();
        List<Blob> made = new ArrayList<>();
        for (Found found : images) {
            PlatformImage image = found.image();
            composer.addImage(image.manifest().descriptor(), image.config(), image.platform());
            made.add(image.manifest());
        }
        if (embServe != null) {
            composer.addEntry(embServe.indexEntry());
            made.addAll(embServe.blobs());
        }
        ImageIndex index = composer.compose(null);
        Blob indexBlob = Blob.of(MediaTypes.OCI_INDEX, index.toJson());
        made.add(indexBlob);
        // The new documents from memory; the platform images' blobs are under manifests the target holds.
        CopyResult pushed = new GraphCopy().copy(new OverlayStorage(new MemoryStorage(made), repository),
                indexBlob.descriptor(), repository, tags, new CopyProgressLog(log, "Pushing blobs"));
        ImageRecord.of(settings.to().image(), pushed.tags(), indexBlob.descriptor().digest(), index.manifests())
                .writeTo(settings.imageJson(), settings.imageDigest());
        return new MergeResult(indexBlob.descriptor(), index.manifests(), pushed);
    }

    /** Every platform's image, or one sentence naming each platform whose image is missing and where it was looked for. */
    private List<Found> find(List<Platform> platforms, ImageReference target, String firstTag,
            Map<Platform, ImageReference> elsewhere, Repository repository) {
        List<Found> found = new ArrayList<>();
        List<Platform> missing = new ArrayList<>();
        List<String> lookedFor = new ArrayList<>();
        for (Platform platform : platforms) {
            ImageReference reference = Optional.ofNullable(elsewhere.get(platform))
                    .orElseGet(() -> target.withTag(PlatformTags.of(firstTag, platform)));
            Repository store = reference.name().equals(target.name()) ? repository : client.repository(reference);
            Optional<PlatformImage> image = PlatformImage.find(store, reference.referenceOrTag(), platform,
                    reference.toString());
            if (image.isPresent()) {
                log.info("  " + platform + ": " + reference + " (" + image.get().manifest().descriptor().digest() + ")");
                found.add(new Found(image.get(), reference, store));
            } else {
                missing.add(platform);
                lookedFor.add(platform + " (looked for " + reference + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("No per-platform image for " + String.join(" and ", lookedFor)
                    + ": push it first with mvn deploy -Dfita.platforms="
                    + missing.stream().map(Platform::toString).collect(Collectors.joining(","))
                    + " -Dfita.partial=true, then run fita:merge again; no tag was moved");
        }
        return found;
    }

    /** A platform image in another repository: mounted within the registry, streamed across registries; no tag. */
    private void copyToTarget(Found found, ImageReference target, Repository repository) {
        boolean sameRegistry = found.reference().registry().equals(target.registry());
        log.info("Copying " + found.image().platform() + " from " + found.reference() + " ("
                + (sameRegistry ? "mounting its blobs" : "streaming its blobs from " + found.reference().registry())
                + ")");
        CopyOptions options = sameRegistry ? CopyOptions.DEFAULT.withMountFrom(List.of(found.reference().repository()))
                : CopyOptions.DEFAULT;
        CopyResult copied = new GraphCopy(options).copy(found.store(), found.image().manifest().descriptor(),
                repository, List.of(), new CopyProgressLog(log, "Copying " + found.image().platform()));
        CopyReport.lines(target, copied).forEach(log::info);
    }
}
