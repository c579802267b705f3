package dev.fita.oci.registry;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;

/**
 * The sentence for a manifest PUT a registry refuses for what it is rather than for a fault: a media
 * type it does not accept (Quay without OCI artifact support, GitLab's allow-list: 400 or 415 with
 * MANIFEST_INVALID or UNSUPPORTED) names that media type and the registry setting to change; a 413
 * names the manifest's size.
 */
final class ManifestRefusal {

    /** The media types of images that every registry accepts. */
    private static final Set<String> STANDARD = Set.of(MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST,
            MediaTypes.OCI_CONFIG, MediaTypes.OCI_LAYER, MediaTypes.OCI_LAYER_GZIP, MediaTypes.OCI_LAYER_ZSTD,
            MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_CONFIG,
            MediaTypes.DOCKER_LAYER_GZIP);

    private ManifestRefusal() {}

    /** The sentence for {@code error} when it is such a refusal, else {@code error} itself. */
    static RuntimeException explain(Operation op, RuntimeException error, String mediaType, byte[] manifest) {
        if (!(error instanceof RegistryException e) || e.response().isEmpty()) {
            return error;
        }
        ErrorResponse response = e.response().get();
        if (response.status() == 413) {
            return new SizeLimitException(op.registry() + " refused " + op.action() + " for " + op.repository()
                    + " as too large: the manifest is " + manifest.length + " bytes (" + response.describe() + ").",
                    null, response);
        }
        boolean refusedType = response.status() == 415 || response.codes().contains(ErrorCode.UNSUPPORTED);
        boolean invalid = response.status() == 400 && response.codes().contains(ErrorCode.MANIFEST_INVALID);
        if (!refusedType && !invalid) {
            return error;
        }
        Set<String> types = mediaTypes(mediaType, manifest);
        String said = registryText(response);
        String named = types.stream().filter(said::contains).findFirst()
                .orElse(types.stream().filter(t -> !STANDARD.contains(t)).findFirst().orElse(null));
        if (named == null && !refusedType && !said.contains("media") && !said.contains("type")) {
            return error; // a manifest the registry finds invalid for another reason
        }
        String type = named != null ? named : mediaType;
        boolean sure = refusedType || said.contains(type);
        return new RegistryResponseException(op.registry() + " refused " + op.action() + " for " + op.repository()
                + (sure ? " because it does not accept the media type " : ", most likely because it does not accept"
                        + " the media type ") + type + " (" + response.describe() + "); allow that"
                + " media type in the registry's settings (Quay: FEATURE_GENERAL_OCI_SUPPORT, with the type under"
                + " ALLOWED_OCI_ARTIFACT_TYPES) or push to a registry that accepts OCI artifacts.", null, response);
    }

    /** What the registry wrote about its refusal: messages and details of every error, lower case. */
    private static String registryText(ErrorResponse response) {
        StringBuilder b = new StringBuilder();
        response.errors().forEach(x -> b.append(x.message()).append(' ').append(x.detail()).append(' '));
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** The manifest's own type, its artifactType, its config's, its layers' and its entries' types. */
    private static Set<String> mediaTypes(String mediaType, byte[] manifest) {
        Set<String> types = new LinkedHashSet<>();
        try {
            JsonNode doc = Json.mapper().readTree(manifest);
            add(types, doc.path("artifactType"));
            add(types, doc.path("config").path("mediaType"));
            for (String list : new String[] {"layers", "manifests", "blobs"}) {
                doc.path(list).forEach(d -> add(types, d.path("mediaType")));
            }
            add(types, doc.path("mediaType"));
        } catch (IOException | RuntimeException notJson) {
            // the registry's own words are all there is
        }
        if (mediaType != null) {
            types.add(mediaType.toLowerCase(Locale.ROOT));
        }
        return types;
    }

    private static void add(Set<String> types, JsonNode n) {
        if (n.isTextual() && !n.asText().isBlank()) {
            types.add(n.asText().toLowerCase(Locale.ROOT));
        }
    }
}
