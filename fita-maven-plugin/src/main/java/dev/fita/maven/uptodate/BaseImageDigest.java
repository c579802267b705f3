package dev.fita.maven.uptodate;

import dev.fita.oci.Descriptor;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryClient;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the base image is, for the up-to-date check: {@code digest <sha256:…>} of a registry image (an
 * index digest covers every platform's manifest), the file's size and time for Jib's {@code tar://}
 * base, {@code scratch}. A reference with a digest, a tar and scratch say it themselves; a tag needs one
 * HEAD of its manifest or index, or, right after a build, the digest jib-core reported pulling.
 */
public final class BaseImageDigest {
    private BaseImageDigest() {}

    /** What the reference itself says; empty for a tag (ask the registry) and for a Docker daemon's image (unknowable). */
    public static Optional<String> ofReference(String baseImage) {
        String image = withoutScheme(baseImage);
        if (image.equals("scratch")) {
            return Optional.of("scratch");
        }
        if (image.startsWith("tar://")) {
            return Optional.of(new BuildInputs().addFiles("file", Path.of(image.substring("tar://".length())))
                    .lines().get(0));
        }
        return reference(image).map(ImageReference::digest).map(d -> "digest " + d);
    }

    /** The identity of an image jib-core reported pulling with digest {@code pulled}. */
    public static String ofPulled(String pulled) {
        return "digest " + pulled;
    }

    /** One HEAD of the tag's manifest or index; empty when the registry does not answer with a digest. */
    public static Optional<String> head(String baseImage, Supplier<RegistryClient> client) {
        Optional<ImageReference> reference = reference(withoutScheme(baseImage));
        if (reference.isEmpty() || baseImage.startsWith("docker://")) {
            return Optional.empty();
        }
        try {
            return client.get().repository(reference.get()).manifests().head(reference.get().referenceOrTag())
                    .map(Descriptor::digest).map(d -> "digest " + d);
        } catch (RuntimeException e) {
            // Unreachable, refused, not found: the build runs, and Jib says what is wrong.
            return Optional.empty();
        }
    }

    private static String withoutScheme(String baseImage) {
        return baseImage.startsWith("registry://") ? baseImage.substring("registry://".length()) : baseImage;
    }

    private static Optional<ImageReference> reference(String image) {
        if (image.contains("://")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ImageReference.parse(image));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
