package dev.fita.oci.content;

import java.util.List;
import java.util.stream.Collectors;

import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageConfig;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.InvalidDocumentException;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;

/**
 * Picks the image of one platform the way oras-go (and so FITA's far-edge kubelet) does: from an
 * index, the first top-level entry whose platform matches (nested indexes are not searched); a
 * bare manifest only when the platform of its config matches.
 */
public final class PlatformSelector {

    private PlatformSelector() {}

    /**
     * The descriptor of {@code target}'s manifest under {@code root} (whose bytes the caller has read),
     * carrying its platform. {@code what} names the image in messages, e.g. its reference.
     */
    public static Descriptor select(ReadableStorage source, Descriptor root, byte[] rootBytes, Platform target,
            String what) {
        if (MediaTypes.isIndex(root.mediaType())) {
            List<Descriptor> entries = ImageIndex.fromJson(rootBytes).manifests();
            for (Descriptor entry : entries) {
                if (entry.platform() != null && entry.platform().matches(target)) {
                    return entry;
                }
            }
            String available = entries.stream()
                    .map(e -> e.platform() == null ? "(no platform)" : e.platform().toString())
                    .collect(Collectors.joining(", "));
            throw new PlatformNotFoundException(what + " has no entry for platform " + target + " (it has: "
                    + (available.isEmpty() ? "nothing" : available) + ").");
        }
        Platform own = configPlatform(source, ImageManifest.fromJson(rootBytes).config());
        if (own == null || !own.matches(target)) {
            throw new PlatformNotFoundException(what + " is a single manifest for platform "
                    + (own == null ? "(unknown)" : own) + ", not " + target + ".");
        }
        return root.withPlatform(own);
    }

    /** The platform a bare manifest's config names, or null when it names none that can be read. */
    private static Platform configPlatform(ReadableStorage source, Descriptor config) {
        if (config.size() > Json.MAX_DOCUMENT_BYTES) {
            return null;
        }
        try {
            return ImageConfig.platformOf(source.fetchAll(config), "the image config " + config.digest());
        } catch (InvalidDocumentException e) {
            return null;
        }
    }
}
