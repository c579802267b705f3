package dev.fita.oci.append;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.fita.oci.Blob;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.content.CopyListener;
import dev.fita.oci.content.CopyOptions;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.content.MemoryStorage;
import dev.fita.oci.content.OverlayStorage;
import dev.fita.oci.embserve.EmbServeArtifact;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryClient;

/**
 * Adds the embServe entry to an image built elsewhere: reads {@code from}, writes one OCI image index
 * whose entries point at the source manifests unchanged (same bytes, same digests, a Docker manifest
 * list's entries included as they are) plus the embServe entry, and copies it to {@code to} with the
 * {@link GraphCopy}: the new documents from memory, the rest streamed from the source (or mounted,
 * on the same registry). Blobs, then manifests, then the index by digest, then the tags.
 */
public final class ImageAppender {

    private final RegistryClient client;
    private final int concurrency;

    public ImageAppender(RegistryClient client) {
        this(client, CopyOptions.DEFAULT_CONCURRENCY);
    }

    public ImageAppender(RegistryClient client, int concurrency) {
        this.client = Objects.requireNonNull(client, "client");
        this.concurrency = concurrency;
    }

    /**
     * Appends {@code artifact} to {@code from} and pushes the result to {@code to} (tagged with its tag,
     * if any, and each of {@code tags}). {@code to} may equal {@code from}: the tag then moves once, to
     * the new index.
     */
    public AppendResult append(ImageReference from, ImageReference to, List<String> tags, EmbServeArtifact artifact,
            CopyListener listener) {
        Objects.requireNonNull(artifact, "artifact");
        List<String> allTags = to.tagsWith(tags);
        SourceImage source = SourceImage.read(client, from);
        Descriptor entry = artifact.indexEntry();
        for (Descriptor replaced : source.replacedBy(entry)) {
            requireEmbServe(source, replaced);
        }
        ImageIndex index = source.appending(entry);
        Blob indexBlob = Blob.of(MediaTypes.OCI_INDEX, index.toJson());
        List<Blob> local = new ArrayList<>(artifact.blobs());
        local.add(indexBlob);

        CopyOptions options = CopyOptions.DEFAULT.withConcurrency(concurrency);
        if (from.registry().equals(to.registry())) {
            // Cross-repository mounts: the registry links the source's blobs instead of receiving them again.
            options = options.withMountFrom(List.of(from.repository()));
        }
        CopyResult pushed = new GraphCopy(options).copy(
                new OverlayStorage(new MemoryStorage(local), client.repository(from)), indexBlob.descriptor(),
                client.target(to), allTags, listener);
        return new AppendResult(source.descriptor(), indexBlob.descriptor(), index.manifests(), pushed);
    }

    /**
     * Replacing an entry of the embServe platform is how a second append stays idempotent; replacing a
     * container image there would silently drop it, so only an earlier embServe artifact may go.
     */
    private void requireEmbServe(SourceImage source, Descriptor replaced) {
        ImageManifest manifest = ImageManifest.fromJson(client.repository(source.reference()).fetchAll(replaced));
        if (!EmbServeArtifact.isArtifact(manifest)) {
            throw new AppendException(source.reference() + " already has a " + replaced.platform() + " entry ("
                    + replaced.digest() + ") that is not an embServe artifact; choose another embServe platform.");
        }
    }
}
