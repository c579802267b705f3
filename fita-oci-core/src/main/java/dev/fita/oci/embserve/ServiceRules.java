package dev.fita.oci.embserve;

import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The field rules of an embServe service.json (from FITA's demos). {@code name}, {@code version}
 * and {@code service} are required; {@code data_model}, {@code dependencies}, {@code inputs} and
 * {@code outputs} are optional but must have the right type when present. Unknown fields are
 * allowed so that newer embServe versions still pass. Fields are checked in a fixed order and
 * only the first problem is reported.
 */
final class ServiceRules {

    record Checked(String name, long version) {}

    private final String file;

    ServiceRules(String file) {
        this.file = file;
    }

    Checked check(ObjectNode root) {
        String name = requiredString(root, "name");
        if (name.isBlank()) {
            throw fail("name", "must not be empty");
        }
        long version = requiredLong(root, "version");
        optionalStringArray(root, "data_model", "data_model");
        String service = requiredString(root, "service");
        checkBase64(service);
        JsonNode dependencies = root.get("dependencies");
        if (dependencies != null && !dependencies.isObject()) {
            throw fail("dependencies", "must be an object, not " + JsonSource.kind(dependencies));
        }
        checkPorts(root, "inputs");
        checkPorts(root, "outputs");
        return new Checked(name, version);
    }

    /** {@code inputs} / {@code outputs}: arrays of {key: string, type: integer, data_model_mapping?: [string]}. */
    private void checkPorts(ObjectNode root, String field) {
        JsonNode ports = root.get(field);
        if (ports == null) {
            return;
        }
        if (!ports.isArray()) {
            throw fail(field, "must be an array, not " + JsonSource.kind(ports));
        }
        for (int i = 0; i < ports.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode port = ports.get(i);
            if (!port.isObject()) {
                throw fail(at, "must be an object, not " + JsonSource.kind(port));
            }
            ObjectNode object = (ObjectNode) port;
            String key = requiredString(object, "key", at + ".key");
            if (key.isEmpty()) {
                throw fail(at + ".key", "must not be empty");
            }
            JsonNode type = object.get("type");
            if (type == null) {
                throw fail(at + ".type", "is required");
            }
            if (!type.isIntegralNumber()) {
                throw fail(at + ".type", "must be an integer, not " + JsonSource.kind(type));
            }
            optionalStringArray(object, "data_model_mapping", at + ".data_model_mapping");
        }
    }

    private String requiredString(ObjectNode object, String field) {
        return requiredString(object, field, field);
    }

    private String requiredString(ObjectNode object, String field, String path) {
        JsonNode node = object.get(field);
        if (node == null) {
            throw fail(path, "is required");
        }
        if (!node.isTextual()) {
            throw fail(path, "must be a string, not " + JsonSource.kind(node));
        }
        return node.textValue();
    }

    private long requiredLong(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            throw fail(field, "is required");
        }
        if (!node.isIntegralNumber()) {
            throw fail(field, "must be an integer, not " + JsonSource.kind(node));
        }
        if (!node.canConvertToLong()) {
            throw fail(field, "is " + node.asText() + ", too large for a 64-bit integer");
        }
        return node.longValue();
    }

    private void optionalStringArray(ObjectNode object, String field, String path) {
        JsonNode node = object.get(field);
        if (node == null) {
            return;
        }
        if (!node.isArray()) {
            throw fail(path, "must be an array of strings, not " + JsonSource.kind(node));
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw fail(path + "[" + i + "]", "must be a string, not " + JsonSource.kind(node.get(i)));
            }
        }
    }

    /**
     * Standard base64 (RFC 4648 section 4) with padding: length a multiple of 4, only
     * {@code A-Z a-z 0-9 + /}, at most two {@code =} at the end. Java's decoder alone would
     * accept missing padding, so the shape is checked first and the decoder catches the rest.
     */
    private void checkBase64(String value) {
        if (value.isEmpty()) {
            throw fail("service", "must not be empty (it is the base64 of the service module)");
        }
        int padding = value.endsWith("==") ? 2 : value.endsWith("=") ? 1 : 0;
        for (int i = 0; i < value.length() - padding; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                throw fail("service", "is not valid base64: " + describe(c) + " at offset " + i
                        + " is not in the standard base64 alphabet");
            }
        }
        if (value.length() % 4 != 0) {
            throw fail("service", "is not valid base64: its length " + value.length()
                    + " is not a multiple of 4 (missing '=' padding?)");
        }
        try {
            Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw fail("service", "is not valid base64: " + e.getMessage());
        }
    }

    private static String describe(char c) {
        if (c == '=') {
            return "'=' (padding is only allowed at the end)";
        }
        if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
            return String.format("character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private InvalidServiceException fail(String path, String problem) {
        return new InvalidServiceException(file + ": field '" + path + "' " + problem);
    }
}
