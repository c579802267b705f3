package dev.fita.maven.config;

import java.time.Instant;
import java.util.Locale;

/**
 * Resolves {@code <container>} with its {@code fita.container.*} and {@code jib.container.*} properties.
 * Values stay in Jib's raw form; Jib's configuration processor validates and applies them per platform.
 */
final class ContainerResolver {
    private final PropertyOverrides properties;

    ContainerResolver(PropertyOverrides properties) {
        this.properties = properties;
    }

    ContainerSettings resolve(ContainerConfig pom, Instant outputTimestampOrNull) {
        ContainerConfig c = pom == null ? new ContainerConfig() : pom;
        checkFormat(string("format", c.getFormat()));
        String creationTime = string("creationTime", c.getCreationTime());
        String filesModificationTime = string("filesModificationTime", c.getFilesModificationTime());
        if (creationTime == null && filesModificationTime == null && outputTimestampOrNull != null) {
            // Reproducible by Maven's own setting unless one of Jib's time settings is given.
            creationTime = outputTimestampOrNull.toString();
            filesModificationTime = creationTime;
        }
        return new ContainerSettings(
                properties.string("fita.container.appRoot", c.getAppRoot(), "jib.container.appRoot"),
                properties.list("fita.container.args", c.getArgs(), "jib.container.args"),
                creationTime,
                properties.list("fita.container.entrypoint", c.getEntrypoint(), "jib.container.entrypoint"),
                properties.map("fita.container.environment", c.getEnvironment(), "jib.container.environment"),
                properties.flag("fita.container.expandClasspathDependencies",
                        Boolean.TRUE.equals(c.getExpandClasspathDependencies()),
                        "jib.container.expandClasspathDependencies"),
                properties.list("fita.container.extraClasspath", c.getExtraClasspath(), "jib.container.extraClasspath"),
                filesModificationTime,
                properties.list("fita.container.jvmFlags", c.getJvmFlags(), "jib.container.jvmFlags"),
                properties.map("fita.container.labels", c.getLabels(), "jib.container.labels"),
                string("mainClass", c.getMainClass()),
                properties.list("fita.container.ports", c.getPorts(), "jib.container.ports"),
                string("user", c.getUser()),
                properties.list("fita.container.volumes", c.getVolumes(), "jib.container.volumes"),
                string("workingDirectory", c.getWorkingDirectory()));
    }

    private String string(String field, String pomValue) {
        return SettingsResolver.blankToNull(properties.string("fita.container." + field, pomValue,
                "jib.container." + field));
    }

    /** fita writes one OCI image index; Jib's default, Docker, cannot be listed in one. */
    static void checkFormat(String format) {
        if (format == null || format.trim().equalsIgnoreCase("OCI")) {
            return;
        }
        if (format.trim().toLowerCase(Locale.ROOT).equals("docker")) {
            throw new ConfigurationException("<container><format>Docker</format> cannot be built by fita: it writes "
                    + "one OCI image index, whose entries must be OCI image manifests, so remove <format> or set it to OCI");
        }
        throw new ConfigurationException("<container><format> '" + format + "' is not a format; fita builds OCI images"
                + " (remove <format> or set it to OCI)");
    }
}
