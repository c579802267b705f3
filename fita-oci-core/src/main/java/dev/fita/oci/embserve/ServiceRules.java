package dev.fita.oci.embserve;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The field rules of an embServe service.json (from FITA's demos and the far-edge tooling that reads
 * it). {@code name}, {@code version} and {@code service} are required; {@code data_model},
 * {@code dependencies}, {@code inputs} and {@code outputs} are optional but must have the right type
 * when present. Fields are checked in a fixed order and only the first problem is reported. Fields
 * fita does not know, and {@code type} values outside the ones FITA's services use, are warnings:
 * embServe may know more than its published examples show. Integers are kept within 32 bits: the
 * far-edge kubelet decodes the file as Go JSON (numbers become float64) on its NextGenGW path, and
 * embServe runs on 32-bit microcontrollers.
 */
final class ServiceRules {

    record Checked(String name, long version, List<String> warnings) {}

    static final List<String> FIELDS =
            List.of("name", "version", "data_model", "service", "dependencies", "inputs", "outputs");
    static final List<String> PORT_FIELDS = List.of("key", "type", "data_model_mapping");

    /**
     * The {@code type} values FITA's published services use (0 for the integer {@code rate} input, 1
     * for sensor values). embServe's own type table is not public, so other values are warned about,
     * not refused.
     */
    static final Set<Integer> KNOWN_TYPES = Set.of(0, 1);

    private final String file;
    private final List<String> warnings = new ArrayList<>();

    ServiceRules(String file) {
        this.file = file;
    }

    Checked check(ObjectNode root) {
        warnUnknownFields(root, FIELDS, "");  // first: a misspelt top-level field is the likelier mistake
        String name = requiredString(root, "name");
        if (name.isBlank()) {
            throw fail("name", "must not be empty");
        }
        long version = requiredLong(root, "version");
        if (version < 1 || version > Integer.MAX_VALUE) {
            throw fail("version", "is " + version + " but must be from 1 to " + Integer.MAX_VALUE);
        }
        optionalStringArray(root, "data_model", "data_model");
        String service = requiredString(root, "service");
        checkBase64(service);
        checkDependencies(root);
        checkPorts(root, "inputs");
        checkPorts(root, "outputs");
        return new Checked(name, version, List.copyOf(warnings));
    }

    /** {@code dependencies}: an object of API name to the integer version needed, e.g. {"sdk_api": 1}. */
    private void checkDependencies(ObjectNode root) {
        JsonNode dependencies = root.get("dependencies");
        if (dependencies == null) {
            return;
        }
        if (!dependencies.isObject()) {
            throw fail("dependencies", "must be an object, not " + JsonSource.kind(dependencies));
        }
        for (Map.Entry<String, JsonNode> entry : dependencies.properties()) {
            String at = "dependencies." + entry.getKey();
            JsonNode value = entry.getValue();
            if (!value.isIntegralNumber()) {
                throw fail(at, "must be an integer (the version needed), not " + JsonSource.kind(value));
            }
            if (!value.canConvertToInt() || value.intValue() < 0) {
                throw fail(at, "is " + value.asText() + " but must be a version from 0 to " + Integer.MAX_VALUE);
            }
        }
    }

    /**
     * {@code inputs} / {@code outputs}: arrays of {key: string, type: integer, data_model_mapping?: [string]};
     * a key names one input (or output) of the service, so it may appear only once in its array.
     */
    private void checkPorts(ObjectNode root, String field) {
        JsonNode ports = root.get(field);
        if (ports == null) {
            return;
        }
        if (!ports.isArray()) {
            throw fail(field, "must be an array, not " + JsonSource.kind(ports));
        }
        Map<String, String> firstUse = new HashMap<>();
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
            String earlier = firstUse.putIfAbsent(key, at);
            if (earlier != null) {
                throw fail(at + ".key", "is '" + key + "', which " + earlier + " already uses; each of the "
                        + field + " needs its own key");
            }
            checkType(object, at + ".type");
            optionalStringArray(object, "data_model_mapping", at + ".data_model_mapping");
            warnUnknownFields(object, PORT_FIELDS, at + ".");
        }
    }

    private void checkType(ObjectNode port, String at) {
        JsonNode type = port.get("type");
        if (type == null) {
            throw fail(at, "is required");
        }
        if (!type.isIntegralNumber()) {
            throw fail(at, "must be an integer, not " + JsonSource.kind(type));
        }
        if (!type.canConvertToInt() || type.intValue() < 0) {
            throw fail(at, "is " + type.asText() + " but must be an embServe type number from 0 to "
                    + Integer.MAX_VALUE);
        }
        if (!KNOWN_TYPES.contains(type.intValue())) {
            warnings.add(file + ": field '" + at + "' is " + type.intValue() + ", a type FITA's published services"
                    + " do not use (they use " + known(KNOWN_TYPES) + "); check it against your embServe version");
        }
    }

    private void warnUnknownFields(ObjectNode object, List<String> known, String prefix) {
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String field = property.getKey();
            if (!known.contains(field)) {
                warnings.add(file + ": field '" + prefix + field + "' is not an embServe field fita knows ("
                        + String.join(", ", known) + "); it is pushed unchanged, but embServe may ignore it");
            }
        }
    }

    private static String known(Set<Integer> values) {
        return values.stream().sorted().map(String::valueOf).collect(Collectors.joining(" and "));
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
