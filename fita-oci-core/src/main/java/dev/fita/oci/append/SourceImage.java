package dev.fita.oci.append;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageConfig;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.InvalidDocumentException;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.ManifestResponse;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.registry.Repository;

/**
 * The image to append to, as read from its registry: the descriptor of what {@code reference} resolves
 * to, and its entries, each an image manifest with a platform. An OCI index or Docker manifest list
 * gives its entries as they are; a single image manifest becomes one entry whose platform comes
 * from its config.
 */
public record SourceImage(ImageReference reference, Descriptor descriptor, List<Descriptor> entries,
        Map<String, String> annotations) {

    public SourceImage {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(descriptor, "descriptor");
        entries = List.copyOf(entries);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** Reads {@code reference}; fails with one sentence on an entry without platform or a nested index. */
    public static SourceImage read(RegistryClient client, ImageReference reference) {
        Repository repo = client.repository(reference);
        ManifestResponse top = repo.manifests().fetch(reference.referenceOrTag());
        String type = top.mediaType();
        if (MediaTypes.isIndex(type)) {
            ImageIndex index = parse(reference, top, () -> ImageIndex.fromJson(top.bytes()));
            if (index.manifests().isEmpty()) {
                throw new AppendException("The image index " + reference + " has no entries to append to.");
            }
            for (Descriptor entry : index.manifests()) {
                check(reference, entry);
            }
            return new SourceImage(reference, top.descriptor(), index.manifests(), index.annotations());
        }
        if (MediaTypes.isManifest(type)) {
            ImageManifest manifest = parse(reference, top, () -> ImageManifest.fromJson(top.bytes()));
            Platform platform = configPlatform(repo, reference, top.descriptor(), manifest.config());
            return new SourceImage(reference, top.descriptor(), List.of(top.descriptor().withPlatform(platform)),
                    Map.of());
        }
        throw new AppendException(reference + " is of media type '" + type + "', not an OCI image index, "
                + "Docker manifest list or image manifest, so fita:append cannot add to it.");
    }

    /**
     * The new OCI index: every source entry unchanged except those with {@code entry}'s os, architecture
     * and variant (an earlier append's), then {@code entry}. Appending the same entry again gives the same bytes.
     */
    public ImageIndex appending(Descriptor entry) {
        List<Descriptor> manifests = new ArrayList<>(entries);
        manifests.removeAll(replacedBy(entry));
        manifests.add(entry);
        return ImageIndex.oci(manifests, annotations);
    }

    /** The source entries {@link #appending} drops for {@code entry}: those of the same platform. */
    public List<Descriptor> replacedBy(Descriptor entry) {
        Platform target = Objects.requireNonNull(entry.platform(), "the appended entry needs a platform").withoutExtras();
        return entries.stream().filter(e -> e.platform().withoutExtras().equals(target)).toList();
    }

    private static void check(ImageReference reference, Descriptor entry) {
        if (MediaTypes.isIndex(entry.mediaType())) {
            throw new AppendException("The entry " + entry.digest() + " of " + reference + " is itself an image index ("
                    + entry.mediaType() + "); fita:append needs the image manifests directly in the top-level index.");
        }
        if (entry.platform() == null) {
            throw new AppendException("The entry " + entry.digest() + " of " + reference
                    + " has no platform, so it cannot be selected next to the embServe entry; give every image of "
                    + "the source index a platform.");
        }
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(ImageReference reference, ManifestResponse top, Parse<T> parse) {
        try {
            return parse.get();
        } catch (InvalidDocumentException e) {
            throw new AppendException("The " + top.mediaType() + " of " + reference + " is not valid: " + e.getMessage()
                    + ".", e);
        }
    }

    /** A single manifest's platform, from its image config (os, architecture, variant, os.version, os.features). */
    private static Platform configPlatform(Repository repo, ImageReference reference, Descriptor manifest,
            Descriptor config) {
        if (config.size() > Json.MAX_DOCUMENT_BYTES) {
            throw new AppendException("The image config " + config.digest() + " of " + reference + " is larger than "
                    + Json.MAX_DOCUMENT_BYTES / (1024 * 1024) + " MiB, so its platform cannot be read.");
        }
        try {
            return ImageConfig.platformOf(repo.fetchAll(config), "the image config of " + manifest.digest());
        } catch (InvalidDocumentException e) {
            throw new AppendException(reference + " is a single image manifest without a platform: "
                    + e.getMessage() + ".", e);
        }
    }
}
