package dev.fita.oci;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What this library reads from an image config: the one place a platform is taken from one. */
public final class ImageConfig {

    private ImageConfig() {}

    /**
     * The platform of an image config ({@code architecture}, {@code os}, {@code variant},
     * {@code os.version}, {@code os.features}). {@code what} names the config in messages, e.g.
     * "the image config of sha256:…"; a config without os or architecture, or with fields of the
     * wrong type, is an {@link InvalidDocumentException}.
     */
    public static Platform platformOf(byte[] configJson, String what) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(configJson);
        } catch (IOException e) {
            throw new InvalidDocumentException(what + " is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDocumentException(what + " is not a JSON object");
        }
        String os = text(root, "os", what);
        String architecture = text(root, "architecture", what);
        if (os == null || architecture == null) {
            throw new InvalidDocumentException(what + " has no '" + (os == null ? "os" : "architecture")
                    + "', so its platform is unknown");
        }
        List<String> features = new ArrayList<>();
        JsonNode featureNode = root.get("os.features");
        if (featureNode != null && !featureNode.isNull()) {
            if (!featureNode.isArray()) {
                throw new InvalidDocumentException(what + " has 'os.features' that is not an array of strings");
            }
            for (JsonNode f : featureNode) {
                if (!f.isTextual()) {
                    throw new InvalidDocumentException(what + " has 'os.features' that is not an array of strings");
                }
                features.add(f.textValue());
            }
        }
        return new Platform(os, architecture, text(root, "variant", what), text(root, "os.version", what), features);
    }

    private static String text(JsonNode root, String field, String what) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidDocumentException(what + " has '" + field + "' that is not a string");
        }
        return node.textValue().isEmpty() ? null : node.textValue();
    }
}
