package dev.fita.maven.it.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fita.oci.Json;

/**
 * The parts of an image config (OCI or Docker, the same JSON) that decide how a container runs.
 * Absent and empty are the same here ({@code null} Entrypoint and {@code []} both mean none);
 * {@code env} is by name, as a runtime resolves it (the last of duplicate names wins).
 */
record ImageConfig(String os, String architecture, String variant, String created, List<String> entrypoint,
        List<String> cmd, Map<String, String> env, List<String> exposedPorts, List<String> volumes,
        Map<String, String> labels, String user, String workingDir) {

    static ImageConfig parse(byte[] json, String what) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the config of " + what + " is not JSON", e);
        }
        JsonNode c = root.path("config");
        Map<String, String> env = new TreeMap<>();
        for (String pair : strings(c.path("Env"))) {
            int eq = pair.indexOf('=');
            env.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return new ImageConfig(text(root, "os"), text(root, "architecture"), text(root, "variant"),
                text(root, "created"), strings(c.path("Entrypoint")), strings(c.path("Cmd")), env,
                keys(c.path("ExposedPorts")), keys(c.path("Volumes")), map(c.path("Labels")), text(c, "User"),
                text(c, "WorkingDir"));
    }

    /** The compared fields by name, in a fixed order; {@code created} is compared on its own (see the comparator). */
    Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("config.os", os);
        f.put("config.architecture", architecture);
        f.put("config.entrypoint", entrypoint);
        f.put("config.cmd", cmd);
        f.put("config.exposedPorts", exposedPorts);
        f.put("config.volumes", volumes);
        f.put("config.labels", labels);
        f.put("config.user", user);
        f.put("config.workingDir", workingDir);
        return f;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : "";
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    private static List<String> keys(JsonNode object) {
        TreeSet<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return List.copyOf(out);
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
