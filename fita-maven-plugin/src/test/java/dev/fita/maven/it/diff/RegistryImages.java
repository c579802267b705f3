package dev.fita.maven.it.diff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.ManifestResponse;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.registry.Repository;

/**
 * Reads an image from a registry with the core's client into an {@link ImageSnapshot}: every
 * container platform of an OCI index or Docker manifest list (or the one of a single manifest),
 * with its config and the entries of all its layers. Layers seen once are not fetched again.
 */
final class RegistryImages {

    private final RegistryClient client;
    private final Map<Digest, List<FileEntry>> layerCache = new HashMap<>();

    RegistryImages(RegistryClient client) {
        this.client = client;
    }

    /** A client for the ITs' plain-HTTP, anonymous registry. */
    static RegistryImages insecure() {
        return new RegistryImages(RegistryClient.builder().allowInsecure(true).userAgent("fita-image-diff").build());
    }

    ImageSnapshot fetch(String reference) {
        ImageReference ref = ImageReference.parse(reference);
        Repository repo = client.repository(ref);
        ManifestResponse root = repo.manifests().fetch(ref.referenceOrTag());
        JsonNode json = json(root.bytes(), reference);
        Map<String, ImageSnapshot.PlatformImage> platforms = new LinkedHashMap<>();
        List<ImageSnapshot.OtherEntry> others = new ArrayList<>();
        if (MediaTypes.isIndex(root.mediaType()) || json.has("manifests")) {
            for (JsonNode entry : json.path("manifests")) {
                JsonNode p = entry.path("platform");
                String platform = p.path("os").asText("?") + "/" + p.path("architecture").asText("?");
                String digest = entry.path("digest").asText();
                ManifestResponse manifest = repo.manifests().fetch(digest);
                JsonNode m = json(manifest.bytes(), reference + "@" + digest);
                if (isEmbServe(m)) {
                    others.add(new ImageSnapshot.OtherEntry(platform, ImageSnapshot.OtherEntry.EMBSERVE, manifest.mediaType()));
                } else if (platforms.containsKey(platform)) {
                    others.add(new ImageSnapshot.OtherEntry(platform, "second entry for the platform", manifest.mediaType()));
                } else {
                    platforms.put(platform, platformImage(repo, reference, platform, p.path("variant").asText(""),
                            manifest.mediaType(), m));
                }
            }
        } else {
            ImageSnapshot.PlatformImage single = platformImage(repo, reference, null, "", root.mediaType(), json);
            platforms.put(single.platform(), single);
        }
        return new ImageSnapshot(reference, root.mediaType(), platforms, others);
    }

    private ImageSnapshot.PlatformImage platformImage(Repository repo, String reference, String platform,
            String variant, String manifestMediaType, JsonNode manifest) {
        Descriptor configDescriptor = descriptor(manifest.path("config"));
        ImageConfig config = ImageConfig.parse(repo.fetchAll(configDescriptor), reference);
        String key = platform != null ? platform : config.os() + "/" + config.architecture();
        List<String> layerTypes = new ArrayList<>();
        List<List<FileEntry>> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            Descriptor d = descriptor(layer);
            layerTypes.add(d.mediaType());
            layers.add(layerCache.computeIfAbsent(d.digest(), digest -> readLayer(repo, d, reference)));
        }
        return new ImageSnapshot.PlatformImage(key, variant, manifestMediaType, configDescriptor.mediaType(),
                layerTypes, config, layers);
    }

    private static List<FileEntry> readLayer(Repository repo, Descriptor d, String reference) {
        try {
            try (InputStream in = repo.fetch(d)) {
                return LayerReader.read(in, "layer " + d.digest() + " of " + reference);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch layer " + d.digest() + " of " + reference, e);
        }
    }

    private static boolean isEmbServe(JsonNode manifest) {
        for (JsonNode layer : manifest.path("layers")) {
            if (MediaTypes.EMBSERVE_SERVICE.equals(layer.path("mediaType").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Descriptor descriptor(JsonNode node) {
        return new Descriptor(node.path("mediaType").asText(), Digest.parse(node.path("digest").asText()),
                node.path("size").asLong());
    }

    private static JsonNode json(byte[] bytes, String what) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("the manifest of " + what + " is not JSON", e);
        }
    }
}
