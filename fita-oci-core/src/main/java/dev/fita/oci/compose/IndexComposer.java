package dev.fita.oci.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageConfig;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.InvalidDocumentException;
import dev.fita.oci.Platform;

/**
 * Builds one OCI image index: container images first, in the order they were added (the
 * configured platform order), then artifact entries such as the embServe one. Every entry
 * carries a platform, because oras-go and container runtimes select by it, and no two entries
 * share one, because oras-go would silently take the first. A builder for one thread; the
 * composed {@link ImageIndex} is immutable, so composing twice gives the same bytes.
 */
public final class IndexComposer {

    private final List<Descriptor> images = new ArrayList<>();
    private final List<Descriptor> artifacts = new ArrayList<>();

    /**
     * Adds a container image. Its platform is read from {@code imageConfigJson} (architecture,
     * os, variant, os.version, os.features). When {@code configuredOrNull} is given, os and
     * architecture must agree with it and its variant, when it has one, wins: jib-core drops the
     * variant from the config it writes.
     */
    public IndexComposer addImage(Descriptor manifestDescriptor, byte[] imageConfigJson, Platform configuredOrNull) {
        Objects.requireNonNull(manifestDescriptor, "manifestDescriptor");
        Objects.requireNonNull(imageConfigJson, "imageConfigJson");
        Platform fromConfig = platformOf(manifestDescriptor, imageConfigJson);
        Platform platform = fromConfig;
        if (configuredOrNull != null) {
            if (!configuredOrNull.os().equals(fromConfig.os())
                    || !configuredOrNull.architecture().equals(fromConfig.architecture())) {
                throw new CompositionException("the image " + manifestDescriptor.digest() + " was configured for "
                        + configuredOrNull + " but its image config says " + fromConfig.os() + "/"
                        + fromConfig.architecture());
            }
            String variant = configuredOrNull.variant() != null ? configuredOrNull.variant() : fromConfig.variant();
            platform = new Platform(fromConfig.os(), fromConfig.architecture(), variant,
                    fromConfig.osVersion(), fromConfig.osFeatures());
        }
        images.add(manifestDescriptor.withPlatform(platform));
        return this;
    }

    /** Adds an entry that already carries its platform, e.g. {@code EmbServeArtifact.indexEntry()}. */
    public IndexComposer addEntry(Descriptor entryWithPlatform) {
        Objects.requireNonNull(entryWithPlatform, "entryWithPlatform");
        if (entryWithPlatform.platform() == null) {
            throw new CompositionException("the index entry " + entryWithPlatform.digest() + " ("
                    + entryWithPlatform.mediaType() + ") has no platform; every entry needs one");
        }
        artifacts.add(entryWithPlatform);
        return this;
    }

    /** The index: images in add order, then artifact entries, with optional index annotations. */
    public ImageIndex compose(Map<String, String> annotationsOrNull) {
        List<Descriptor> entries = new ArrayList<>(images);
        entries.addAll(artifacts);
        if (entries.isEmpty()) {
            throw new CompositionException("an image index needs at least one entry, but none was added");
        }
        Map<String, Descriptor> seen = new HashMap<>();
        for (Descriptor entry : entries) {
            Descriptor earlier = seen.putIfAbsent(key(entry.platform()), entry);
            if (earlier != null) {
                throw new CompositionException("platform " + describe(entry.platform())
                        + " appears twice in the image index (" + earlier.digest() + " and " + entry.digest()
                        + "); each platform may have only one entry");
            }
        }
        return ImageIndex.oci(entries, annotationsOrNull);
    }

    /** Two entries clash when a client selecting by os/architecture/variant/os.version could not tell them apart. */
    private static String key(Platform p) {
        return p.os() + "/" + p.architecture() + "/" + Objects.toString(p.variant(), "") + "/"
                + Objects.toString(p.osVersion(), "");
    }

    private static String describe(Platform p) {
        return p + (p.osVersion() == null ? "" : " (os.version " + p.osVersion() + ")");
    }

    private static Platform platformOf(Descriptor manifest, byte[] configJson) {
        try {
            return ImageConfig.platformOf(configJson, "the image config of " + manifest.digest());
        } catch (InvalidDocumentException e) {
            throw new CompositionException(e.getMessage(), e);
        }
    }
}
