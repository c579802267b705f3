package dev.fita.maven.config;

import com.google.cloud.tools.jib.plugins.common.RawConfiguration.ExtensionConfiguration;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code <pluginExtension>}: a Jib plugin extension's {@code <implementation>} class, its
 * {@code <properties>} and its own {@code <configuration implementation="...">} object, as in Jib.
 * The extension's jar is a {@code <dependency>} of this plugin in the pom.
 */
public class PluginExtensionConfig implements ExtensionConfiguration {
    private String implementation;
    private Map<String, String> properties;
    private Object configuration;

    @Override
    public String getExtensionClass() {
        return implementation;
    }

    @Override
    public Map<String, String> getProperties() {
        return properties == null ? Map.of() : properties;
    }

    @Override
    public Optional<Object> getExtraConfiguration() {
        return Optional.ofNullable(configuration);
    }
}
