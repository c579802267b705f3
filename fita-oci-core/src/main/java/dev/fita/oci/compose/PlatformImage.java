package dev.fita.oci.compose;

import java.util.Objects;
import java.util.Optional;

import dev.fita.oci.Blob;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageConfig;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.InvalidDocumentException;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.content.ReadableStorage;

/**
 * One platform's image as a merge finds it in a store: the single image manifest a reference (a
 * per-platform tag) points at, and its config, checked to be of the platform it is merged as. Only
 * the manifest and the config are read, never a layer.
 */
public record PlatformImage(Platform platform, String name, Blob manifest, byte[] config) {

    public PlatformImage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(manifest, "manifest");
        config = config.clone();
    }

    @Override
    public byte[] config() {
        return config.clone();
    }

    /**
     * The image {@code reference} names in {@code store}, or empty when the store has nothing there.
     * {@code name} is the full reference, for messages. Fails with one sentence when it is an index or
     * no image manifest, or when its config's os or architecture differ from {@code platform}'s, or its
     * variant from {@code platform}'s variant when both name one (jib-core writes configs without variant).
     */
    public static Optional<PlatformImage> find(ReadableStorage store, String reference, Platform platform,
            String name) {
        Optional<Descriptor> found = store.resolve(reference);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Descriptor top = found.get();
        if (MediaTypes.isIndex(top.mediaType())) {
            throw new CompositionException(name + " is an image index (" + top.mediaType()
                    + "), not the single " + platform + " image manifest a per-platform image must be");
        }
        if (!MediaTypes.isManifest(top.mediaType())) {
            throw new CompositionException(name + " is of media type '" + top.mediaType()
                    + "', not the " + platform + " image manifest a per-platform image must be");
        }
        Descriptor descriptor = new Descriptor(top.mediaType(), top.digest(), top.size());
        Blob manifest = new Blob(descriptor, store.fetchAll(descriptor));
        byte[] config;
        Platform own;
        try {
            config = store.fetchAll(ImageManifest.fromJson(manifest.bytes()).config());
            own = ImageConfig.platformOf(config, "the image config of " + name);
        } catch (InvalidDocumentException e) {
            throw new CompositionException(name + " is not a usable " + platform + " image: " + e.getMessage(), e);
        }
        boolean variantsDiffer = own.variant() != null && platform.variant() != null
                && !own.variant().equals(platform.variant());
        if (!own.os().equals(platform.os()) || !own.architecture().equals(platform.architecture()) || variantsDiffer) {
            throw new CompositionException(name + " holds a " + own.withoutExtras() + " image (its config says os '"
                    + own.os() + "', architecture '" + own.architecture() + "'"
                    + (own.variant() == null ? "" : ", variant '" + own.variant() + "'") + "), not " + platform);
        }
        return Optional.of(new PlatformImage(platform, name, manifest, config));
    }
}
