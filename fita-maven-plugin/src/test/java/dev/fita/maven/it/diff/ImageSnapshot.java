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

    /** What the image is, for a reader of a report: per platform the config and each layer's entries. */
    String describe() {
        StringBuilder s = new StringBuilder(reference).append("  ").append(mediaType).append('\n');
        new java.util.TreeMap<>(platforms).forEach((p, image) -> {
            s.append(p).append(image.variant().isEmpty() ? "" : " (" + image.variant() + ")").append('\n');
            image.config().fields().forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
            s.append("  config.env: ").append(image.config().env()).append('\n');
            s.append("  config.created: ").append(image.config().created()).append('\n');
            for (int i = 0; i < image.layers().size(); i++) {
                s.append("  layer[").append(i).append("]\n");
                image.layers().get(i).forEach(e -> s.append("    ").append(e.path()).append("  ").append(e.describe())
                        .append('\n'));
            }
        });
        otherEntries.forEach(e -> s.append(e.platform()).append(": ").append(e.kind()).append('\n'));
        return s.toString();
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
