package dev.fita.maven.it.diff;

import java.util.List;
import java.util.Map;

/**
 * What an image reference holds, as far as the comparison goes: the root's media type (an index,
 * a Docker manifest list or a single manifest), one {@link PlatformImage} per container platform
 * ({@code os/architecture}), and the entries that are not container images (the embServe artifact).
 */
record ImageSnapshot(String reference, String mediaType, Map<String, PlatformImage> platforms,
        List<OtherEntry> otherEntries) {

    ImageSnapshot {
        platforms = Map.copyOf(platforms);
        otherEntries = List.copyOf(otherEntries);
    }

    /**
     * One container image: its index entry's variant, the media types of its manifest, config and
     * layers, its config, and the entries of each layer in order (base layers first).
     */
    record PlatformImage(String platform, String variant, String manifestMediaType, String configMediaType,
            List<String> layerMediaTypes, ImageConfig config, List<List<FileEntry>> layers) {

        PlatformImage {
            layerMediaTypes = List.copyOf(layerMediaTypes);
            layers = layers.stream().map(List::copyOf).toList();
        }
    }

    /** An index entry that is no container image: {@code kind} is {@value #EMBSERVE} or {@code other}. */
    record OtherEntry(String platform, String kind, String mediaType) {
        static final String EMBSERVE = "embServe artifact";
    }
}
