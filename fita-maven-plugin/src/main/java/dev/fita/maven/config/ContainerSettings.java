package dev.fita.maven.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The resolved {@code <container>} in the form Jib's configuration processor takes it: lists and maps
 * are never null; {@code args}, {@code entrypoint}, {@code mainClass}, {@code user} and
 * {@code workingDirectory} are null when unset (Jib then inherits or infers them); {@code appRoot} is
 * empty for Jib's default; the times are Jib's keywords or ISO-8601 date-times.
 */
public record ContainerSettings(
        String appRoot,
        List<String> args,
        String creationTime,
        List<String> entrypoint,
        Map<String, String> environment,
        boolean expandClasspathDependencies,
        List<String> extraClasspath,
        String filesModificationTime,
        List<String> jvmFlags,
        Map<String, String> labels,
        String mainClass,
        List<String> ports,
        String user,
        List<String> volumes,
        String workingDirectory) {

    /** Jib's defaults for the two times. */
    public static final String EPOCH = "EPOCH";
    public static final String EPOCH_PLUS_SECOND = "EPOCH_PLUS_SECOND";

    public ContainerSettings {
        appRoot = appRoot == null ? "" : appRoot;
        args = args == null ? null : copy(args);
        creationTime = creationTime == null ? EPOCH : creationTime;
        entrypoint = entrypoint == null ? null : copy(entrypoint);
        environment = copy(environment);
        extraClasspath = extraClasspath == null ? List.of() : copy(extraClasspath);
        filesModificationTime = filesModificationTime == null ? EPOCH_PLUS_SECOND : filesModificationTime;
        jvmFlags = jvmFlags == null ? List.of() : copy(jvmFlags);
        labels = copy(labels);
        ports = ports == null ? List.of() : copy(ports);
        volumes = volumes == null ? List.of() : copy(volumes);
    }

    /** Only a main class: everything else as Jib's defaults. */
    public static ContainerSettings withMainClass(String mainClass) {
        return new ContainerSettings(null, null, null, null, null, false, null, null, null, null, mainClass, null,
                null, null, null);
    }

    /** Maven gives null for an empty list element; such an element means nothing. */
    private static List<String> copy(List<String> list) {
        return list.stream().filter(Objects::nonNull).toList();
    }

    /** Keeps the pom's order; an empty element such as {@code <MODE/>} is the empty string, not null. */
    private static Map<String, String> copy(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        return Collections.unmodifiableMap(copy);
    }
}
