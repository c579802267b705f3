package dev.fita.maven.uptodate;

import dev.fita.oci.Descriptor;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryClient;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the base image is right now, for the up-to-date check: {@code digest <sha256:…>} of a registry
 * image (the reference's own digest when it has one, else one HEAD of its manifest or index: an index
 * digest covers every platform's manifest), the file's size and time for Jib's {@code tar://} base,
 * {@code scratch}.
 * Empty when it cannot be known: a Docker daemon's image, or a registry that did not answer (the build
 * then runs, and Jib reports what is wrong). Offline, the digest the last build saw stands.
 */
public final class BaseImageDigest {
    private BaseImageDigest() {}

    /**
     * @param client the registry client, created only when a HEAD is needed
     * @param lastSeenOrNull the identity the last build recorded, used offline
     */
    public static Optional<String> current(String baseImage, boolean offline, String lastSeenOrNull,
            Supplier<RegistryClient> client) {
        String image = baseImage.startsWith("registry://") ? baseImage.substring("registry://".length()) : baseImage;
        if (image.equals("scratch")) {
            return Optional.of("scratch");
        }
        if (image.startsWith("docker://")) {
            return Optional.empty();
        }
        if (image.startsWith("tar://")) {
            Path tar = Path.of(image.substring("tar://".length()));
            return Optional.of(new BuildInputs().addFiles("file", tar).lines().get(0));
        }
        ImageReference reference;
        try {
            reference = ImageReference.parse(image);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (reference.digest() != null) {
            return Optional.of("digest " + reference.digest());
        }
        if (offline) {
            return Optional.ofNullable(lastSeenOrNull);
        }
        try {
            return client.get().repository(reference).manifests().head(reference.referenceOrTag())
                    .map(Descriptor::digest).map(d -> "digest " + d);
        } catch (RuntimeException e) {
            // Unreachable, refused, not found: the build runs and Jib says what is wrong.
            return Optional.empty();
        }
    }
}
