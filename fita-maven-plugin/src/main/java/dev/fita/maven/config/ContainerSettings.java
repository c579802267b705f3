package dev.fita.maven.config;

import java.util.List;
import java.util.Map;

/** The resolved {@code <container>}; lists and maps are never null, strings may be. */
public record ContainerSettings(
        String mainClass,
        List<String> jvmFlags,
        List<String> args,
        List<String> ports,
        Map<String, String> environment,
        Map<String, String> labels,
        String user,
        String workingDirectory,
        String appRoot,
        List<String> entrypoint) {

    public ContainerSettings {
        jvmFlags = jvmFlags == null ? List.of() : copy(jvmFlags);
        args = args == null ? null : copy(args);
        ports = ports == null ? List.of() : copy(ports);
        environment = copy(environment);
        labels = copy(labels);
        entrypoint = entrypoint == null ? null : copy(entrypoint);
    }

    /** Maven gives null for an empty list element; such an element means nothing. */
    private static List<String> copy(List<String> list) {
        return list.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Keeps the pom's order; an empty element such as {@code <MODE/>} is the empty string, not null. */
    private static Map<String, String> copy(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, String> copy = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
