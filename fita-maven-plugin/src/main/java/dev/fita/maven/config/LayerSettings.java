package dev.fita.maven.config;

import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What goes into the image besides the project, as Jib configures it: {@code <extraDirectories>}
 * (the default {@code src/main/jib} included), their file permissions in the pom's order,
 * {@code <containerizingMode>} and the {@code <pluginExtensions>} that may rewrite the build plan.
 */
public record LayerSettings(
        List<ExtraDirectory> extraDirectories,
        Map<String, FilePermissions> permissions,
        String containerizingMode,
        List<PluginExtensionConfig> pluginExtensions) {

    public LayerSettings {
        extraDirectories = List.copyOf(extraDirectories);
        permissions = Collections.unmodifiableMap(new LinkedHashMap<>(permissions));
        containerizingMode = containerizingMode == null ? "exploded" : containerizingMode;
        pluginExtensions = pluginExtensions == null ? List.of() : List.copyOf(pluginExtensions);
    }
}
