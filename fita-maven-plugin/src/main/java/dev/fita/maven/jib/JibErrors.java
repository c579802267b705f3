package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import dev.fita.oci.Platform;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;

/** Turns what jib-core throws into one sentence that names the base image and the platform. */
public final class JibErrors {
    private JibErrors() {}

    public static BaseImageException describe(Throwable error, String baseImage, Platform platform,
            List<Platform> allPlatforms) {
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("does not contain an image for architecture")
                    || message.contains("does not contain platform")) {
                return new BaseImageException("Base image " + baseImage + " has no " + platform
                        + " entry (<platforms> asks for " + join(allPlatforms) + "); use a multi-platform base image"
                        + " in <from><image> or remove " + platform + " from <platforms>", error);
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
            root = t;
        }
        String detail = Ansi.strip(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        return new BaseImageException("Building " + platform + " from base image " + baseImage + " failed: " + detail,
                error);
    }

    private static String join(List<Platform> platforms) {
        return String.join(", ", platforms.stream().map(Platform::toString).toList());
    }
}
