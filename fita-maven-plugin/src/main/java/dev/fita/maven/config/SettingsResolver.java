package dev.fita.maven.config;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import dev.fita.oci.InvalidPlatformException;
import dev.fita.oci.Platform;
import dev.fita.oci.PlatformSpelling;
import dev.fita.oci.registry.InvalidReferenceException;
import dev.fita.oci.embserve.EmbServeArtifact;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the pom configuration and the {@code fita.*} / {@code jib.*} properties into validated
 * {@link FitaSettings}. Every problem is a {@link ConfigurationException} naming the element (and its
 * property). Jib's own checks (app root, volumes, times, ...) run later, in Jib, per platform.
 */
public final class SettingsResolver {
    /** Jib's default is linux/amd64 only; a FITA image serves both common Kubernetes node types. */
    public static final List<Platform> DEFAULT_PLATFORMS =
            List.of(new Platform("linux", "amd64"), new Platform("linux", "arm64"));

    private static final String DOCKER_IMAGE_PREFIX = "docker://";
    private static final String REGISTRY_IMAGE_PREFIX = "registry://";
    private static final String TAR_IMAGE_PREFIX = "tar://";

    private final PropertyOverrides properties;

    public SettingsResolver(PropertyOverrides properties) {
        this.properties = properties;
    }

    public FitaSettings resolve(PomConfiguration pom) {
        List<String> warnings = new ArrayList<>();
        FromConfig from = pom.from();
        BaseImageSettings base = resolveFrom(from, pom.defaultFromImage(), warnings);
        TargetSettings to = resolveTo(pom.to(), warnings);
        List<Platform> platforms = resolvePlatforms(pom.platforms(), from == null ? null : from.getPlatforms());
        ContainerSettings container = new ContainerResolver(properties).resolve(pom.container(), pom.outputTimestamp());
        LayerResolver layerResolver = new LayerResolver(properties, pom.basedir());
        LayerSettings layers = layerResolver.layers(pom.extraDirectories(), pom.containerizingMode(),
                pom.pluginExtensions());
        Path buildDirectory = pom.buildDirectory() != null ? pom.buildDirectory() : pom.basedir().resolve("target");
        OutputPaths outputs = layerResolver.outputPaths(pom.outputPaths(), buildDirectory);
        EmbServeSettings embServe = resolveEmbServe(pom.embServe(), pom.basedir(), platforms);
        boolean insecure = properties.flag("fita.allowInsecureRegistries", pom.allowInsecureRegistries(),
                "jib.allowInsecureRegistries");
        String output = properties.string("fita.outputDirectory",
                pom.outputDirectory() == null ? null : pom.outputDirectory().getPath());
        Path outputDirectory = output == null ? buildDirectory.resolve("fita") : absolute(pom.basedir(), output);
        warnings.addAll(NotApplicable.warnings(pom.dockerClient(), pom.skaffoldConfigured(), properties));
        return new FitaSettings(base, to, platforms, container, layers, outputs, embServe, insecure,
                outputDirectory, warnings);
    }

    BaseImageSettings resolveFrom(FromConfig from, String defaultImage, List<String> warnings) {
        String image = blankToNull(properties.string("fita.from.image", from == null ? null : from.getImage(),
                "jib.from.image"));
        boolean configured = image != null;
        image = configured ? image.trim() : defaultImage;
        if (configured && !image.startsWith(TAR_IMAGE_PREFIX)) {
            String reference = image.startsWith(REGISTRY_IMAGE_PREFIX) || image.startsWith(DOCKER_IMAGE_PREFIX)
                    ? image.substring(image.indexOf("://") + 3) : image;
            try {
                ImageReference.parse(reference);
            } catch (InvalidImageReferenceException e) {
                throw new ConfigurationException("<from><image> '" + image
                        + "' is not a valid image reference (expected e.g. eclipse-temurin:17-jre)");
            }
        }
        Auth auth = resolveAuth("from", from == null ? null : from.getAuth(), warnings);
        CredHelper credHelper = resolveCredHelper("from", from == null ? null : from.getCredHelper());
        return new BaseImageSettings(image, configured, auth, credHelper);
    }

    TargetSettings resolveTo(ToConfig to, List<String> warnings) {
        String image = blankToNull(properties.string("fita.to.image", to == null ? null : to.getImage(),
                "image", "jib.to.image"));
        String imageTag = "latest";
        if (image != null) {
            image = image.trim();
            // The target is pushed by the core client: its grammar decides (the base image is Jib's to parse).
            dev.fita.oci.registry.ImageReference reference;
            try {
                reference = dev.fita.oci.registry.ImageReference.parse(image);
            } catch (InvalidReferenceException e) {
                throw new ConfigurationException("<to><image> '" + image
                        + "' is not a valid image reference (expected e.g. registry.example.com/fita/app:1.0)", e);
            }
            if (reference.digest() != null) {
                throw new ConfigurationException("<to><image> '" + image
                        + "' names a digest; give a tag instead (the digest is known only after the build)");
            }
            imageTag = reference.tag() == null ? "latest" : reference.tag();
        }
        Set<String> tags = new LinkedHashSet<>();
        tags.add(imageTag);
        List<String> extra = properties.list("fita.to.tags", to == null ? null : to.getTags(), "jib.to.tags");
        if (extra != null) {
            for (String tag : extra) {
                String trimmed = tag == null ? "" : tag.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!ImageReference.isValidTag(trimmed)) {
                    throw new ConfigurationException("<to><tags> '" + tag + "' is not a valid tag "
                            + "(letters, digits, '_', '.', '-', at most 128, not starting with '.' or '-')");
                }
                tags.add(trimmed);
            }
        }
        Auth auth = resolveAuth("to", to == null ? null : to.getAuth(), warnings);
        CredHelper credHelper = resolveCredHelper("to", to == null ? null : to.getCredHelper());
        return new TargetSettings(image, new ArrayList<>(tags), auth, credHelper);
    }

    /**
     * As in Jib: a username and password given as properties win over {@code <auth>}; half a pair (one
     * of the two left empty, e.g. by an unset environment variable) is a warning in Jib's words, and the
     * next source is tried, in the end the other credential sources (helpers, settings.xml, Docker config).
     */
    Auth resolveAuth(String side, AuthConfig auth, List<String> warnings) {
        String prefix = side + ".auth.";
        Optional<String> username = properties.overriding("fita." + prefix + "username", "jib." + prefix + "username")
                .map(SettingsResolver::blankToNull);
        Optional<String> password = properties.overriding("fita." + prefix + "password", "jib." + prefix + "password")
                .map(SettingsResolver::blankToNull);
        if (username.isPresent() != password.isPresent()) {
            String given = username.isPresent() ? "username" : "password";
            warnings.add("-Djib." + prefix + given + " (or -Dfita." + prefix + given + ") is set, but not its "
                    + (username.isPresent() ? "password" : "username") + "; attempting other authentication methods.");
        } else if (username.isPresent()) {
            return new Auth(username.get(), password.get());
        }
        for (boolean fromPom : List.of(true, false)) {
            String user = blankToNull(fromPom ? (auth == null ? null : auth.getUsername())
                    : properties.string("fita." + prefix + "username", null));
            String pass = blankToNull(fromPom ? (auth == null ? null : auth.getPassword())
                    : properties.string("fita." + prefix + "password", null));
            String where = fromPom ? "<" + side + "><auth>" : "the project's fita." + prefix + "* properties";
            if (user != null && pass != null) {
                return new Auth(user, pass);
            }
            if (user != null || pass != null) {
                warnings.add((user == null ? "username" : "password") + " is missing from " + where
                        + "; ignoring it (attempting other authentication methods).");
            }
        }
        return null;
    }

    CredHelper resolveCredHelper(String side, CredHelperConfig config) {
        String helper = blankToNull(properties.string("fita." + side + ".credHelper",
                config == null ? null : config.getHelper(), "jib." + side + ".credHelper"));
        Map<String, String> environment = config == null ? null : config.getEnvironment();
        return helper == null && environment == null ? CredHelper.NONE : new CredHelper(helper, environment);
    }

    /**
     * fita's top-level {@code <platforms>} (with variants) or Jib's {@code <from><platforms>}, not both;
     * {@code -Dfita.platforms} or {@code -Djib.from.platforms} replace either.
     */
    List<Platform> resolvePlatforms(List<PlatformConfig> topLevel, List<PlatformConfig> fromPlatforms) {
        boolean fitaProperty = properties.override("fita.platforms").isPresent();
        Optional<String> property = properties.overriding("fita.platforms", "jib.from.platforms");
        List<Platform> platforms = new ArrayList<>();
        String element;
        if (property.isPresent()) {
            element = fitaProperty ? "-Dfita.platforms" : "jib.from.platforms";
            for (String value : properties.list("fita.platforms", null, "jib.from.platforms")) {
                if (!value.isBlank()) {
                    platforms.add(parsePlatform(value.trim(), element));
                }
            }
        } else {
            boolean hasTopLevel = topLevel != null && !topLevel.isEmpty();
            boolean hasFrom = fromPlatforms != null && !fromPlatforms.isEmpty();
            if (hasTopLevel && hasFrom) {
                throw new ConfigurationException("Both <platforms> and <from><platforms> are set; keep one of them"
                        + " (<platforms> is fita's name for the same list and also takes variants such as linux/arm/v7)");
            }
            if (!hasTopLevel && !hasFrom) {
                return DEFAULT_PLATFORMS;
            }
            element = hasTopLevel ? "<platforms>" : "<from><platforms>";
            for (PlatformConfig config : hasTopLevel ? topLevel : fromPlatforms) {
                platforms.add(toPlatform(config, element));
            }
        }
        if (platforms.isEmpty()) {
            throw new ConfigurationException(element + " is empty; list at least one linux platform, e.g. linux/amd64");
        }
        Set<Platform> seen = new LinkedHashSet<>();
        for (Platform platform : platforms) {
            if (!"linux".equals(platform.os())) {
                throw new ConfigurationException(platform + " in " + element + " is not a container platform; "
                        + "the embServe entry is configured with <embServe><platform>");
            }
            if (!seen.add(platform)) {
                throw new ConfigurationException(element + " lists " + platform + " twice");
            }
        }
        return List.copyOf(platforms);
    }

    private static Platform toPlatform(PlatformConfig config, String element) {
        if (config == null) {
            throw new ConfigurationException(element + " has an empty <platform>; expected e.g. linux/arm64");
        }
        if (config.getShorthand() != null) {
            return parsePlatform(config.getShorthand(), element);
        }
        String os = blankToNull(config.getOs());
        String architecture = blankToNull(config.getArchitecture());
        if (os == null || architecture == null) {
            throw new ConfigurationException(element + "<platform> needs both <os> and <architecture> (got os '"
                    + os + "', architecture '" + architecture + "')");
        }
        String variant = blankToNull(config.getVariant());
        return parsePlatform(os.trim() + "/" + architecture.trim() + (variant == null ? "" : "/" + variant.trim()),
                element);
    }

    private static Platform parsePlatform(String value, String where) {
        try {
            return PlatformSpelling.parse(value);
        } catch (InvalidPlatformException e) {
            throw new ConfigurationException(where + ": " + e.getMessage(), e);
        }
    }

    EmbServeSettings resolveEmbServe(EmbServeConfig embServe, Path basedir, List<Platform> containerPlatforms) {
        String service = properties.string("fita.embServe.service", fileString(embServe == null ? null : embServe.getService()));
        String config = properties.string("fita.embServe.config", fileString(embServe == null ? null : embServe.getConfig()));
        String platform = properties.string("fita.embServe.platform", embServe == null ? null : embServe.getPlatform());
        service = blankToNull(service);
        config = blankToNull(config);
        platform = blankToNull(platform);
        if (service == null) {
            if (embServe != null || config != null || platform != null) {
                throw new ConfigurationException("<embServe> has no <service> (or -Dfita.embServe.service); "
                        + "give the path of the service.json to add");
            }
            return null;
        }
        Platform resolvedPlatform;
        try {
            resolvedPlatform = platform == null ? EmbServeArtifact.DEFAULT_PLATFORM : PlatformSpelling.parse(platform);
        } catch (InvalidPlatformException e) {
            throw new ConfigurationException("<embServe><platform>: " + e.getMessage(), e);
        }
        for (Platform container : containerPlatforms) {
            if (container.os().equals(resolvedPlatform.os())
                    && container.architecture().equals(resolvedPlatform.architecture())) {
                throw new ConfigurationException("<embServe><platform> " + resolvedPlatform
                        + " clashes with " + container + " in <platforms>; the embServe entry needs its own platform");
            }
        }
        return new EmbServeSettings(absolute(basedir, service), config == null ? null : absolute(basedir, config),
                resolvedPlatform);
    }

    private static String fileString(File file) {
        return file == null ? null : file.getPath();
    }

    static Path absolute(Path basedir, String path) {
        Path p = Path.of(path.trim());
        return p.isAbsolute() || basedir == null ? p.toAbsolutePath().normalize() : basedir.resolve(p).normalize();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
