package dev.fita.maven.it.diff;

import java.util.Map;
import java.util.function.Predicate;

import dev.fita.oci.MediaTypes;

/**
 * The differences between Jib's image and fita's that are fita's by design, and nothing else.
 * Each rule has the title under which src/it/README.md ("Allowed differences") lists it; a
 * difference no rule matches fails the differential IT.
 */
public enum AllowedDifference {

    /** fita always pushes an OCI image index; Jib a Docker manifest list, or one manifest for one platform. */
    OCI_INDEX("OCI image index at the tag", d -> d.field().equals("image.mediaType")
            && d.candidate().equals(MediaTypes.OCI_INDEX)),

    /** fita writes OCI media types only; Jib's default format is Docker (the content is the same). */
    OCI_MEDIA_TYPES("OCI media types", d -> switch (d.field()) {
        case "manifest.mediaType", "config.mediaType", "layer.mediaType" -> ociCounterpart(d.jib(), d.candidate());
        default -> false;
    }),

    /** fita names the variant of a platform (e.g. arm64 {@code v8}) where Jib names none. */
    PLATFORM_VARIANT("platform variant", d -> (d.field().equals("platform.variant") || d.field().equals("config.variant"))
            && d.jib().equals(ImageComparator.NONE)),

    /** The embServe entry fita adds to the index when {@code <embServe>} is configured. */
    EMBSERVE_ENTRY("embServe entry", d -> d.field().equals("index.entry")
            && d.candidate().equals(ImageSnapshot.OtherEntry.EMBSERVE) && d.jib().equals(ImageComparator.NONE));

    private static final Map<String, String> DOCKER_TO_OCI = Map.of(
            MediaTypes.DOCKER_MANIFEST, MediaTypes.OCI_MANIFEST,
            MediaTypes.DOCKER_CONFIG, MediaTypes.OCI_CONFIG,
            MediaTypes.DOCKER_LAYER_GZIP, MediaTypes.OCI_LAYER_GZIP);

    private final String title;
    private final Predicate<Difference> matches;

    AllowedDifference(String title, Predicate<Difference> matches) {
        this.title = title;
        this.matches = matches;
    }

    public String title() {
        return title;
    }

    /** The rule that allows {@code d}, or null. */
    static AllowedDifference of(Difference d) {
        for (AllowedDifference rule : values()) {
            if (rule.matches.test(d)) {
                return rule;
            }
        }
        return null;
    }

    private static boolean ociCounterpart(String jib, String candidate) {
        return candidate.equals(DOCKER_TO_OCI.get(jib));
    }
}
