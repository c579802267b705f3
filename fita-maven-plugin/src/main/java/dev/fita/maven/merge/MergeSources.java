package dev.fita.maven.merge;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.PlatformImageConfig;
import dev.fita.maven.config.PropertyOverrides;
import dev.fita.oci.InvalidPlatformException;
import dev.fita.oci.Platform;
import dev.fita.oci.PlatformSpelling;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.InvalidReferenceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code <platformImages>} / {@code -Dfita.platformImages}: the platforms whose image is not at the
 * per-platform tag of {@code <to><image>} but elsewhere (another repository or registry), each given as a
 * full reference so that a merge never guesses a registry.
 */
public final class MergeSources {
    private static final String PROPERTY = "fita.platformImages";

    private MergeSources() {}

    /** The explicit image of each platform that has one; every key is one of {@code platforms}. */
    public static Map<Platform, ImageReference> resolve(PropertyOverrides properties,
            List<PlatformImageConfig> configured, List<Platform> platforms) {
        boolean fromProperty = properties.override(PROPERTY).isPresent();
        String element = fromProperty ? "-D" + PROPERTY : "<platformImages>";
        Map<String, String> pom = new LinkedHashMap<>();
        for (PlatformImageConfig entry : configured == null ? List.<PlatformImageConfig>of() : configured) {
            String platform = entry == null || entry.getPlatform() == null ? "" : entry.getPlatform().trim();
            String image = entry == null || entry.getImage() == null ? "" : entry.getImage().trim();
            if (platform.isEmpty() || image.isEmpty()) {
                throw new ConfigurationException("<platformImages><platformImage> needs both <platform> and <image> "
                        + "(got platform '" + platform + "', image '" + image + "')");
            }
            if (pom.put(platform, image) != null) {
                throw new ConfigurationException("<platformImages> lists " + platform + " twice");
            }
        }
        Map<String, String> given = properties.map(PROPERTY, pom.isEmpty() ? null : pom);
        Map<Platform, ImageReference> sources = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : given == null ? Map.<String, String>of().entrySet() : given.entrySet()) {
            Platform platform = platform(entry.getKey().trim(), element);
            if (!platforms.contains(platform)) {
                throw new ConfigurationException(element + " names " + platform + ", which is not one of the platforms "
                        + "merged (" + platforms.stream().map(Platform::toString).collect(Collectors.joining(", "))
                        + ": <platforms> or -Dfita.platforms)");
            }
            if (sources.put(platform, fullReference(entry.getValue().trim(), platform, element)) != null) {
                throw new ConfigurationException(element + " lists " + platform + " twice");
            }
        }
        return sources;
    }

    private static Platform platform(String value, String element) {
        try {
            return PlatformSpelling.parse(value);
        } catch (InvalidPlatformException e) {
            throw new ConfigurationException(element + ": " + e.getMessage(), e);
        }
    }

    /**
     * A reference that names its registry and its tag or digest: a short name would silently mean Docker
     * Hub, or {@code latest}, rather than where the runner pushed.
     */
    static ImageReference fullReference(String value, Platform platform, String element) {
        int slash = value.indexOf('/');
        String first = slash < 0 ? "" : value.substring(0, slash);
        boolean namesRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
        boolean namesVersion = value.contains("@") || value.substring(value.lastIndexOf('/') + 1).contains(":");
        if (!namesRegistry || !namesVersion) {
            throw new ConfigurationException(element + " " + platform + ": '" + value + "' is not a full reference; "
                    + "per-platform images outside <to><image> are given with registry and tag, e.g. "
                    + "ci.example.com/fita/app:1.0-" + platform.toString().replace('/', '-'));
        }
        try {
            return ImageReference.parse(value);
        } catch (InvalidReferenceException e) {
            throw new ConfigurationException(element + " " + platform + ": " + e.getMessage(), e);
        }
    }
}
