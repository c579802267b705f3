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
        jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
        args = args == null ? null : List.copyOf(args);
        ports = ports == null ? List.of() : List.copyOf(ports);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    }
}
