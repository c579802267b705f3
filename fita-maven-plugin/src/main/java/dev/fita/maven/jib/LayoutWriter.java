package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.image.Image;
import com.google.cloud.tools.jib.image.Layer;
import com.google.cloud.tools.jib.image.json.ImageToJsonTranslator;
import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import dev.fita.maven.image.ContainerImage;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.layout.OciLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestException;
import java.util.List;
import java.util.Optional;

/**
 * Writes the images jib-core built into an OCI image layout, as jib-core's own OCI tar would hold them
 * (the same config and manifest bytes, so the same digests), without the tar: each layer is a hard link
 * to its file in Jib's base-image or application-layer cache (a verified copy on another file system),
 * the config is jib-core's JSON for the image, the manifest lists the layers and the config as jib-core's
 * OCI tar does. A layer that is shared by several platforms (the application layers) is linked once.
 */
final class LayoutWriter {
    private final OciLayout layout;
    private final List<Path> caches;
    private final Path scratch;

    /**
     * @param caches Jib's cache directories the layers may be in (base-image cache, application-layer cache)
     * @param scratch a directory for the rare layer that is in no cache file (streamed, then moved in)
     */
    LayoutWriter(OciLayout layout, List<Path> caches, Path scratch) {
        this.layout = layout;
        this.caches = List.copyOf(caches);
        this.scratch = scratch;
    }

    ContainerImage write(Image image) throws IOException, DigestException {
        OciManifestTemplate manifest = new OciManifestTemplate();
        for (Layer layer : image.getLayers()) {
            Descriptor blob = new Descriptor(MediaTypes.OCI_LAYER_GZIP, digest(layer.getBlobDescriptor().getDigest()),
                    layer.getBlobDescriptor().getSize());
            writeLayer(blob, layer);
            manifest.addLayer(blob.size(), layer.getBlobDescriptor().getDigest());
        }
        byte[] config = JsonTemplateMapper.toByteArray(new ImageToJsonTranslator(image).getContainerConfiguration());
        Descriptor configBlob = layout.writeBlob(MediaTypes.OCI_CONFIG, config);
        manifest.setContainerConfiguration(configBlob.size(), DescriptorDigest.fromHash(configBlob.digest().encoded()));
        Descriptor manifestBlob = layout.writeBlob(MediaTypes.OCI_MANIFEST, JsonTemplateMapper.toByteArray(manifest));
        return new ContainerImage(image.getOs(), image.getArchitecture(), manifestBlob, config);
    }

    private void writeLayer(Descriptor blob, Layer layer) throws IOException {
        if (layout.hasBlob(blob.digest())) {
            return;
        }
        Optional<Path> cached = cacheFile(layer);
        if (cached.isPresent()) {
            layout.linkBlob(blob, cached.get());
            return;
        }
        // Not a file of Jib's caches (jib-core keeps every layer it builds or pulls there; this is a fallback).
        Files.createDirectories(scratch);
        Path temp = Files.createTempFile(scratch, "layer-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                layer.getBlob().writeTo(out);
            }
            layout.copyBlob(blob, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Where jib-core's cache keeps the layer: {@code layers/<digest>/<diffId>} for pulled and built layers,
     * {@code local/<diffId>/<digest>} for the layers of a tar or Docker daemon base image.
     */
    private Optional<Path> cacheFile(Layer layer) {
        String digest = layer.getBlobDescriptor().getDigest().getHash();
        String diffId = layer.getDiffId().getHash();
        for (Path cache : caches) {
            for (Path candidate : List.of(cache.resolve("layers").resolve(digest).resolve(diffId),
                    cache.resolve("local").resolve(diffId).resolve(digest))) {
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Digest digest(DescriptorDigest digest) {
        return Digest.parse(digest.toString());
    }
}
