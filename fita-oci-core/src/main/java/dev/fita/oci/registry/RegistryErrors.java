package dev.fita.oci.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fita.oci.Json;

/** Reads the {@code {"errors":[{"code","message"}]}} body of a failed answer into "CODE message". */
final class RegistryErrors {

    /** Error bodies are read only this far: enough for any real error, too little to hurt. */
    static final int MAX_ERROR_BODY = 64 * 1024;

    private RegistryErrors() {}

    /** "CODE message" of the first error, or the HTTP status line when the body has none. */
    static String describe(HttpExchange response) {
        String status = response.status() + (response.reason().isEmpty() ? "" : " " + response.reason());
        byte[] body;
        try {
            body = response.readCapped(MAX_ERROR_BODY);
        } catch (IOException e) {
            return status;
        }
        if (body == null || body.length == 0) {
            return status;
        }
        try {
            JsonNode errors = Json.mapper().readTree(body).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                String code = first.path("code").asText("");
                String message = first.path("message").asText("");
                String text = (code + " " + message).trim();
                return text.isEmpty() ? status : text;
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through: some proxies answer with HTML
        }
        return status;
    }

    /** Whether the error text is one of the "not found" codes. */
    static boolean isUnknown(String description) {
        return description.startsWith("MANIFEST_UNKNOWN") || description.startsWith("BLOB_UNKNOWN")
                || description.startsWith("NAME_UNKNOWN");
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
