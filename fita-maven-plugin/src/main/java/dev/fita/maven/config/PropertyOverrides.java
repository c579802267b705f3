package dev.fita.maven.config;

import com.google.cloud.tools.jib.plugins.common.ConfigurationPropertyValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The properties that override the pom, in one order for every parameter:
 * <ol>
 *   <li>a {@code fita.*} property given with {@code -D} (a Maven user property) or as a JVM system property;
 *   <li>the {@code jib.*} property, read as jib-maven-plugin reads it: a user property, then a project
 *       {@code <properties>} entry, then a system property (so a Jib pom's {@code <properties>} keep working);
 *   <li>the plugin's {@code <configuration>};
 *   <li>a {@code fita.*} project property (it only fills in what the configuration leaves unset).
 * </ol>
 * List and map properties use Jib's syntax: {@code a,b} and {@code k1=v1,k2=v2}, {@code \,} for a comma.
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

    /** A property as jib-maven-plugin reads it: user property, then project property, then system property. */
    public Optional<String> jib(String name) {
        for (Properties source : List.of(userProperties, projectProperties, systemProperties)) {
            if (source.containsKey(name)) {
                return Optional.ofNullable(source.getProperty(name));
            }
        }
        return Optional.empty();
    }

    /** The {@code fita.*} override, else the first {@code jib.*} name that is set, else empty. */
    public Optional<String> overriding(String fitaName, String... jibNames) {
        Optional<String> value = override(fitaName);
        for (int i = 0; value.isEmpty() && i < jibNames.length; i++) {
            value = jib(jibNames[i]);
        }
        return value;
    }

    /** The override, else the pom value, else a project property, else null. */
    public String string(String name, String pomValue) {
        return string(name, pomValue, new String[0]);
    }

    /** With the {@code jib.*} names that come after the {@code fita.*} override (see the class comment). */
    public String string(String fitaName, String pomValue, String... jibNames) {
        Optional<String> value = overriding(fitaName, jibNames);
        if (value.isPresent()) {
            return value.get();
        }
        return pomValue != null ? pomValue : projectProperties.getProperty(fitaName);
    }

    /** Like {@link #string} for a comma-separated list property; a pom list is used unless overridden. */
    public List<String> list(String name, List<String> pomValue) {
        return list(name, pomValue, new String[0]);
    }

    public List<String> list(String fitaName, List<String> pomValue, String... jibNames) {
        Optional<String> value = overriding(fitaName, jibNames);
        if (value.isEmpty() && pomValue != null) {
            return pomValue;
        }
        String raw = value.orElseGet(() -> projectProperties.getProperty(fitaName));
        return raw == null ? null : new ArrayList<>(ConfigurationPropertyValidator.parseListProperty(raw));
    }

    /** Like {@link #list} for a {@code key=value,...} property. */
    public Map<String, String> map(String fitaName, Map<String, String> pomValue, String... jibNames) {
        Optional<String> value = overriding(fitaName, jibNames);
        if (value.isEmpty() && pomValue != null) {
            return pomValue;
        }
        String raw = value.orElseGet(() -> projectProperties.getProperty(fitaName));
        if (raw == null) {
            return null;
        }
        try {
            return ConfigurationPropertyValidator.parseMapProperty(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(String.join(" or ", names(fitaName, jibNames)) + " '" + raw
                    + "' is not a list of key=value pairs separated by commas: " + e.getMessage(), e);
        }
    }

    /** {@code -Dfita.skip} alone means true, as with Maven's own skip flags. */
    public boolean flag(String name, boolean pomValue) {
        return flag(name, pomValue, new String[0]);
    }

    public boolean flag(String fitaName, boolean pomValue, String... jibNames) {
        Optional<String> value = overriding(fitaName, jibNames);
        if (value.isPresent()) {
            return parseFlag(value.get());
        }
        if (pomValue) {
            return true;
        }
        String project = projectProperties.getProperty(fitaName);
        return project != null && parseFlag(project);
    }

    private static List<String> names(String fitaName, String... jibNames) {
        List<String> names = new ArrayList<>(List.of(jibNames));
        names.add(0, fitaName);
        return names;
    }

    private static boolean parseFlag(String value) {
        return value.isBlank() || Boolean.parseBoolean(value.trim());
    }
}
