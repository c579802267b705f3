package dev.fita.maven.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code fita.*} properties that override the pom, as in Jib: a {@code -D} user property wins,
 * then a JVM system property. Project properties only fill in what the pom leaves unset.
 */
public final class PropertyOverrides {
    private final Properties userProperties;
    private final Properties systemProperties;
    private final Properties projectProperties;

    public PropertyOverrides(Properties userProperties, Properties systemProperties, Properties projectProperties) {
        this.userProperties = userProperties == null ? new Properties() : userProperties;
        this.systemProperties = systemProperties == null ? new Properties() : systemProperties;
        this.projectProperties = projectProperties == null ? new Properties() : projectProperties;
    }

    public static PropertyOverrides none() {
        return new PropertyOverrides(null, null, null);
    }

    /** A {@code -D} or system property that overrides the pom value. */
    public Optional<String> override(String name) {
        String value = userProperties.getProperty(name);
        if (value == null) {
            value = systemProperties.getProperty(name);
        }
        return Optional.ofNullable(value);
    }

    /** The override, else the pom value, else a project property, else null. */
    public String string(String name, String pomValue) {
        Optional<String> override = override(name);
        if (override.isPresent()) {
            return override.get();
        }
        if (pomValue != null) {
            return pomValue;
        }
        return projectProperties.getProperty(name);
    }

    /** Like {@link #string} for a comma-separated list property; a pom list is used unless overridden. */
    public List<String> list(String name, List<String> pomValue) {
        Optional<String> override = override(name);
        if (override.isEmpty() && pomValue != null) {
            return pomValue;
        }
        String raw = override.orElseGet(() -> projectProperties.getProperty(name));
        if (raw == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (String item : raw.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /** {@code -Dfita.skip} alone means true, as with Maven's own skip flags. */
    public boolean flag(String name, boolean pomValue) {
        Optional<String> override = override(name);
        if (override.isPresent()) {
            return parseFlag(override.get());
        }
        if (pomValue) {
            return true;
        }
        String project = projectProperties.getProperty(name);
        return project != null && parseFlag(project);
    }

    private static boolean parseFlag(String value) {
        return value.isBlank() || Boolean.parseBoolean(value.trim());
    }
}
