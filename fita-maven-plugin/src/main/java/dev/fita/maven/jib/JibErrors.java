package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.plugins.common.ExtraDirectoryNotFoundException;
import com.google.cloud.tools.jib.plugins.common.IncompatibleBaseImageJavaVersionException;
import com.google.cloud.tools.jib.plugins.common.InvalidAppRootException;
import com.google.cloud.tools.jib.plugins.common.InvalidContainerVolumeException;
import com.google.cloud.tools.jib.plugins.common.InvalidContainerizingModeException;
import com.google.cloud.tools.jib.plugins.common.InvalidCreationTimeException;
import com.google.cloud.tools.jib.plugins.common.InvalidFilesModificationTimeException;
import com.google.cloud.tools.jib.plugins.common.InvalidPlatformException;
import com.google.cloud.tools.jib.plugins.common.InvalidWorkingDirectoryException;
import com.google.cloud.tools.jib.plugins.common.MainClassInferenceException;
import com.google.cloud.tools.jib.plugins.common.globalconfig.InvalidGlobalConfigException;
import com.google.cloud.tools.jib.plugins.extension.JibPluginExtensionException;
import com.google.api.client.http.HttpHeaders;
import com.google.cloud.tools.jib.http.ResponseException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import dev.fita.maven.config.ConfigurationException;
import dev.fita.oci.Platform;
import dev.fita.oci.registry.DockerHub;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.PlainHttpRegistryException;
import dev.fita.oci.registry.RateLimit;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Jib throws into one sentence naming the element to fix. Jib's own messages address
 * jib-maven-plugin users (goals, FAQ links), so each known exception gets fita's wording; the
 * message of an unknown one is kept, without its ANSI colours.
 */
public final class JibErrors {
    private JibErrors() {}

    /** A failure while Jib reads the configuration and the project, before anything is pulled. */
    public static ConfigurationException configuration(Exception e) {
        return new ConfigurationException(configurationMessage(e), e);
    }

    private static String configurationMessage(Exception e) {
        if (e instanceof ConfigurationException configuration) {
            return configuration.getMessage();
        }
        if (e instanceof InvalidAppRootException x) {
            return "<container><appRoot> '" + x.getInvalidPathValue() + "' is not an absolute Unix path such as /app";
        }
        if (e instanceof InvalidWorkingDirectoryException x) {
            return "<container><workingDirectory> '" + x.getInvalidPathValue()
                    + "' is not an absolute Unix path such as /app";
        }
        if (e instanceof InvalidContainerVolumeException x) {
            return "<container><volumes> '" + x.getInvalidVolume() + "' is not an absolute Unix path such as /data";
        }
        if (e instanceof InvalidCreationTimeException x) {
            return "<container><creationTime> '" + x.getInvalidCreationTime() + "' is neither EPOCH,"
                    + " USE_CURRENT_TIMESTAMP nor an ISO-8601 date-time such as 2026-01-01T00:00:00Z";
        }
        if (e instanceof InvalidFilesModificationTimeException x) {
            return "<container><filesModificationTime> '" + x.getInvalidFilesModificationTime()
                    + "' is neither EPOCH_PLUS_SECOND nor an ISO-8601 date-time such as 2026-01-01T00:00:00Z";
        }
        if (e instanceof InvalidContainerizingModeException x) {
            return "<containerizingMode> '" + x.getInvalidContainerizingMode() + "' is neither exploded nor packaged";
        }
        if (e instanceof ExtraDirectoryNotFoundException x) {
            return "<extraDirectories><paths>: the directory " + x.getPath() + " does not exist";
        }
        if (e instanceof MainClassInferenceException) {
            return "<container><mainClass>: " + withoutAdvice(e.getMessage())
                    + "; set <container><mainClass> (or -Djib.container.mainClass), or <container><entrypoint>";
        }
        if (e instanceof IncompatibleBaseImageJavaVersionException x) {
            return "<from><image>: the project is built for Java " + x.getProjectMajorJavaVersion()
                    + " but the base image is for Java " + x.getBaseImageMajorJavaVersion()
                    + "; configure a Java " + x.getProjectMajorJavaVersion() + " base image in <from><image>";
        }
        if (e instanceof InvalidImageReferenceException x) {
            return "<from><image> '" + x.getInvalidReference() + "' is not a valid image reference";
        }
        if (e instanceof InvalidPlatformException x) {
            return "<platforms>: " + x.getMessage() + " (" + x.getInvalidPlatform() + ")";
        }
        if (e instanceof JibPluginExtensionException x) {
            return "<pluginExtensions>: " + x.getExtensionClass().getName() + " failed: " + Ansi.strip(x.getMessage());
        }
        if (e instanceof FileNotFoundException) {
            return "<credHelper>: " + e.getMessage();
        }
        if (e instanceof InvalidGlobalConfigException) {
            return "Jib's global configuration file: " + withoutAdvice(e.getMessage());
        }
        if (e instanceof CacheDirectoryCreationException) {
            return "Jib's cache directory cannot be created: " + Ansi.strip(e.getMessage())
                    + " (set -Djib.baseImageCache or -Djib.applicationCache to a writable directory)";
        }
        if (e instanceof NumberFormatException) {
            String message = Ansi.strip(e.getMessage());
            // Jib names the system property it checked (jib.httpTimeout, http(s).proxyPort); else it was a port.
            return message.matches("^[a-zA-Z.]+ (must|cannot) .*") ? message : "<container><ports>: " + message;
        }
        if (e instanceof UnsupportedOperationException) {
            return "<containerizingMode>packaged is not supported for a WAR project (as in Jib); remove it";
        }
        if (e instanceof IllegalArgumentException) {
            return "Jib refused the configuration: " + Ansi.strip(e.getMessage());
        }
        String detail = Ansi.strip(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        return "Reading the project for the image failed: " + withoutAdvice(detail)
                + "; run the build through 'package' so the classes (and the jar or WAR) exist";
    }

    /** Jib appends ", perhaps you should ..." advice for jib-maven-plugin and a link to its FAQ. */
    private static String withoutAdvice(String message) {
        String text = Ansi.strip(message);
        int advice = text.indexOf(", perhaps you should");
        text = advice < 0 ? text : text.substring(0, advice);
        int faq = text.indexOf("; see https://");
        return faq < 0 ? text : text.substring(0, faq);
    }

    private static final Pattern UNLISTED = Pattern.compile("architecture=([^,\\s]+), os=([^.,\\s]+)");

    /** A failure while jib-core builds the platforms' images: pulling the base, obtaining or building layers. */
    public static BaseImageException describe(Throwable error, String baseImage, List<Platform> platforms) {
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            Matcher unlisted = UNLISTED.matcher(message);
            if (message.contains("does not contain an image for architecture") && unlisted.find()) {
                String missing = join(platforms.stream().filter(p -> p.architecture().equals(unlisted.group(1))
                        && p.os().equals(unlisted.group(2))).toList());
                return missingPlatform(baseImage, missing.isEmpty() ? unlisted.group(2) + "/" + unlisted.group(1)
                        : missing, platforms, error);
            }
            if (message.contains("doesn't match the platform") && platforms.size() == 1) {
                return missingPlatform(baseImage, platforms.get(0).toString(), platforms, error);
            }
            if (message.contains("is not a manifest list")) {
                return new BaseImageException("Base image " + baseImage + " is a single-platform image, but <platforms>"
                        + " asks for " + join(platforms) + "; use a multi-platform base image in <from><image> or ask"
                        + " for its one platform in <platforms>", error);
            }
            if (t instanceof PlainHttpRegistryException plain) {
                return new BaseImageException("Base image " + baseImage + ": " + PlainHttpRegistries.sentence(plain), error);
            }
            if (t instanceof ResponseException response && response.getStatusCode() == 429) {
                return new BaseImageException("Base image " + baseImage + ": " + rateLimited(baseImage, response), error);
            }
            if (t instanceof RegistryCredentialsNotSentException) {
                return new BaseImageException("Base image " + baseImage + ": jib-core does not send credentials over"
                        + " plain HTTP; serve that registry over HTTPS (a self-signed certificate works with"
                        + " <allowInsecureRegistries>true</allowInsecureRegistries>)", error);
            }
            if (t instanceof RegistryUnauthorizedException) {
                return new BaseImageException("Base image " + baseImage + ": the registry refused our credentials"
                        + " (401/403); set <from><auth>, <from><credHelper>, a settings.xml <server> or docker login", error);
            }
            if (t instanceof InsecureRegistryException) {
                return new BaseImageException("Base image " + baseImage + ": the registry is not reachable over"
                        + " verified HTTPS; set <allowInsecureRegistries>true</allowInsecureRegistries> if that is intended", error);
            }
            if (t instanceof UnknownHostException || t instanceof ConnectException) {
                return new BaseImageException("Base image " + baseImage + ": registry unreachable ("
                        + Ansi.strip(t.getMessage()) + ")", error);
            }
            if (message.startsWith("Cannot run Jib in offline mode")) {
                return new BaseImageException("Base image " + baseImage + " is not in Jib's cache for " + join(platforms)
                        + ", so it cannot be built offline (-o); build once online first", error);
            }
            root = t;
        }
        String detail = Ansi.strip(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        return new BaseImageException("Building " + join(platforms) + " from base image " + baseImage + " failed: "
                + withoutAdvice(detail), error);
    }

    /**
     * A 429 to the base image pull, which Jib does not retry (so no storm): Docker Hub's pull limit with
     * what its headers say is left, and how to raise it.
     */
    private static String rateLimited(String baseImage, ResponseException response) {
        String registry;
        try {
            registry = ImageReference.parse(baseImage).registry();
        } catch (RuntimeException unparsable) {
            registry = "the registry";
        }
        String whose = DockerHub.isDockerHub(registry) ? "Docker Hub's " : registry + "'s ";
        HttpHeaders headers = response.getHeaders();
        Optional<RateLimit> limit = headers == null ? Optional.empty()
                : RateLimit.of(headers.getFirstHeaderStringValue("ratelimit-limit"),
                        headers.getFirstHeaderStringValue("ratelimit-remaining"));
        String what = limit.map(l -> l.describe(null)).orElse("pull rate limit is used up (429 Too Many Requests);"
                + " logging in (or a paid plan) raises it");
        return whose + what + ": set <from><auth>, a settings.xml <server> or docker login, or use a mirror";
    }

    private static BaseImageException missingPlatform(String baseImage, String missing, List<Platform> platforms,
            Throwable error) {
        return new BaseImageException("Base image " + baseImage + " has no " + missing + " entry (<platforms> asks for "
                + join(platforms) + "); use a multi-platform base image in <from><image> or remove " + missing
                + " from <platforms>", error);
    }

    private static String join(List<Platform> platforms) {
        return String.join(", ", platforms.stream().map(Platform::toString).toList());
    }
}
