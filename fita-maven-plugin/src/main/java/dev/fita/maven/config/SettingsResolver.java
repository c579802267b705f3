package dev.fita.maven.config;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import dev.fita.oci.InvalidPlatformException;
import dev.fita.oci.Platform;
import dev.fita.oci.embserve.EmbServeArtifact;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the pom configuration and the {@code fita.*} properties into validated {@link FitaSettings}.
 * Every problem is a {@link ConfigurationException} naming the element (and its property).
 */
public final class SettingsResolver {
    /** Jib's defaults are amd64 only; a FITA image serves both common Kubernetes node types. */
    public static final List<Platform> DEFAULT_PLATFORMS =
            List.of(new Platform("linux", "amd64"), new Platform("linux", "arm64"));

    private final PropertyOverrides properties;

    public SettingsResolver(PropertyOverrides properties) {
        this.properties = properties;
    }

    /** {@code eclipse-temurin:<release>-jre} for the project's {@code maven.compiler.release} (17 when unset). */
    public static String defaultBaseImage(String compilerRelease) {
        String release = compilerRelease == null || compilerRelease.isBlank() ? "17" : compilerRelease.trim();
        return "eclipse-temurin:" + release + "-jre";
    }

    public FitaSettings resolve(PomConfiguration pom) {
        BaseImageSettings from = resolveFrom(pom.from(), pom.defaultFromImage());
        TargetSettings to = resolveTo(pom.to());
        List<Platform> platforms = resolvePlatforms(pom.platforms());
        ContainerSettings container = resolveContainer(pom.container());
        EmbServeSettings embServe = resolveEmbServe(pom.embServe(), pom.basedir(), platforms);
        boolean insecure = properties.flag("fita.allowInsecureRegistries", pom.allowInsecureRegistries());
        String output = properties.string("fita.outputDirectory",
                pom.outputDirectory() == null ? null : pom.outputDirectory().getPath());
        Path outputDirectory = output == null
                ? pom.basedir().resolve("target").resolve("fita")
                : absolute(pom.basedir(), output);
        return new FitaSettings(from, to, platforms, container, embServe, insecure, outputDirectory);
    }

    BaseImageSettings resolveFrom(FromConfig from, String defaultImage) {
        String image = properties.string("fita.from.image", from == null ? null : from.getImage());
        if (image == null || image.isBlank()) {
            image = defaultImage;
        }
        image = image.trim();
        try {
            ImageReference.parse(image);
        } catch (InvalidImageReferenceException e) {
            throw new ConfigurationException("<from><image> '" + image
                    + "' is not a valid image reference (expected e.g. eclipse-temurin:17-jre)");
        }
        Auth auth = resolveAuth("from", from == null ? null : from.getAuth());
        String credHelper = properties.string("fita.from.credHelper", from == null ? null : from.getCredHelper());
        return new BaseImageSettings(image, auth, blankToNull(credHelper));
    }

    TargetSettings resolveTo(ToConfig to) {
        String image = blankToNull(properties.string("fita.to.image", to == null ? null : to.getImage()));
        String imageTag = "latest";
        if (image != null) {
            image = image.trim();
            ImageReference reference;
            try {
                reference = ImageReference.parse(image);
            } catch (InvalidImageReferenceException e) {
                throw new ConfigurationException("<to><image> '" + image
                        + "' is not a valid image reference (expected e.g. registry.example.com/fita/app:1.0)");
            }
            if (reference.getDigest().isPresent()) {
                throw new ConfigurationException("<to><image> '" + image
                        + "' names a digest; give a tag instead (the digest is known only after the build)");
            }
            imageTag = reference.getTag().orElse("latest");
        }
        Set<String> tags = new LinkedHashSet<>();
        tags.add(imageTag);
        List<String> extra = properties.list("fita.to.tags", to == null ? null : to.getTags());
        if (extra != null) {
            for (String tag : extra) {
                String trimmed = tag == null ? "" : tag.trim();
                if (!ImageReference.isValidTag(trimmed)) {
                    throw new ConfigurationException("<to><tags> '" + tag + "' is not a valid tag "
                            + "(letters, digits, '_', '.', '-', at most 128, not starting with '.' or '-')");
                }
                tags.add(trimmed);
            }
        }
        Auth auth = resolveAuth("to", to == null ? null : to.getAuth());
        String credHelper = properties.string("fita.to.credHelper", to == null ? null : to.getCredHelper());
        return new TargetSettings(image, new ArrayList<>(tags), auth, blankToNull(credHelper));
    }

    Auth resolveAuth(String side, AuthConfig auth) {
        String username = properties.string("fita." + side + ".auth.username", auth == null ? null : auth.getUsername());
        String password = properties.string("fita." + side + ".auth.password", auth == null ? null : auth.getPassword());
        username = blankToNull(username);
        password = blankToNull(password);
        if (username == null && password == null) {
            return null;
        }
        if (username == null || password == null) {
            String missing = username == null ? "username" : "password";
            throw new ConfigurationException("<" + side + "><auth> has no <" + missing + "> (or -Dfita." + side
                    + ".auth." + missing + "); give both username and password, or neither");
        }
        return new Auth(username, password);
    }

    List<Platform> resolvePlatforms(List<PlatformConfig> configured) {
        List<String> fromProperty = properties.override("fita.platforms").isPresent()
                ? properties.list("fita.platforms", null)
                : null;
        List<Platform> platforms = new ArrayList<>();
        if (fromProperty != null) {
            for (String value : fromProperty) {
                platforms.add(parsePlatform(value, "-Dfita.platforms"));
            }
        } else if (configured != null && !configured.isEmpty()) {
            for (PlatformConfig config : configured) {
                platforms.add(toPlatform(config));
            }
        } else {
            return DEFAULT_PLATFORMS;
        }
        if (platforms.isEmpty()) {
            throw new ConfigurationException("<platforms> is empty; list at least one linux platform, e.g. linux/amd64");
        }
        Set<Platform> seen = new LinkedHashSet<>();
        for (Platform platform : platforms) {
            if (!"linux".equals(platform.os())) {
                throw new ConfigurationException(platform + " in <platforms> is not a container platform; "
                        + "the embServe entry is configured with <embServe><platform>");
            }
            if (!seen.add(platform)) {
                throw new ConfigurationException("<platforms> lists " + platform + " twice");
            }
        }
        return List.copyOf(platforms);
    }

    private static Platform toPlatform(PlatformConfig config) {
        if (config == null) {
            throw new ConfigurationException("<platforms> has an empty <platform>; expected e.g. linux/arm64");
        }
        if (config.getShorthand() != null) {
            return parsePlatform(config.getShorthand(), "<platforms>");
        }
        String os = blankToNull(config.getOs());
        String architecture = blankToNull(config.getArchitecture());
        if (os == null || architecture == null) {
            throw new ConfigurationException("<platforms><platform> needs both <os> and <architecture> (got os '"
                    + os + "', architecture '" + architecture + "')");
        }
        String variant = blankToNull(config.getVariant());
        return parsePlatform(os.trim() + "/" + architecture.trim() + (variant == null ? "" : "/" + variant.trim()),
                "<platforms>");
    }

    private static Platform parsePlatform(String value, String where) {
        try {
            return Platform.parse(value);
        } catch (InvalidPlatformException e) {
            throw new ConfigurationException(where + ": " + e.getMessage(), e);
        }
    }

    ContainerSettings resolveContainer(ContainerConfig c) {
        String mainClass = blankToNull(properties.string("fita.container.mainClass", c == null ? null : c.getMainClass()));
        if (c == null) {
            return new ContainerSettings(mainClass, null, null, null, null, null, null, null, null, null);
        }
        String workingDirectory = blankToNull(c.getWorkingDirectory());
        String appRoot = blankToNull(c.getAppRoot());
        requireAbsolute("<container><workingDirectory>", workingDirectory);
        requireAbsolute("<container><appRoot>", appRoot);
        return new ContainerSettings(mainClass, c.getJvmFlags(), c.getArgs(), c.getPorts(), c.getEnvironment(),
                c.getLabels(), blankToNull(c.getUser()), workingDirectory, appRoot, c.getEntrypoint());
    }

    private static void requireAbsolute(String element, String unixPath) {
        if (unixPath != null && !unixPath.startsWith("/")) {
            throw new ConfigurationException(element + " '" + unixPath + "' must be an absolute path in the container, e.g. /app");
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
            resolvedPlatform = platform == null ? EmbServeArtifact.DEFAULT_PLATFORM : Platform.parse(platform);
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

    private static Path absolute(Path basedir, String path) {
        Path p = Path.of(path.trim());
        return p.isAbsolute() || basedir == null ? p.toAbsolutePath().normalize() : basedir.resolve(p).normalize();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
