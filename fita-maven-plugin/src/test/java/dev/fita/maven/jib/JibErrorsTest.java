package dev.fita.maven.jib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.http.HttpHeaders;
import com.google.cloud.tools.jib.http.JibResponses;
import dev.fita.oci.Platform;
import dev.fita.oci.registry.PlainHttpRegistryException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JibErrorsTest {
    private static final List<Platform> PLATFORMS = List.of(Platform.parse("linux/amd64"), Platform.parse("linux/arm64"));

    @Test
    void missingPlatformInBaseImageNamesBoth() {
        Exception jib = new RuntimeException(new IllegalStateException("The base image reference 127.0.0.1:5000/base:1"
                + " is a manifest list, but the list does not contain an image for architecture=arm64, os=linux."));
        BaseImageException e = JibErrors.describe(jib, "127.0.0.1:5000/base:1", PLATFORMS);
        assertEquals("Base image 127.0.0.1:5000/base:1 has no linux/arm64 entry (<platforms> asks for linux/amd64,"
                + " linux/arm64); use a multi-platform base image in <from><image> or remove linux/arm64 from <platforms>",
                e.getMessage());
    }

    @Test
    void unreachableRegistry() {
        BaseImageException e = JibErrors.describe(new ConnectException("Connection refused"), "127.0.0.1:9/base:1",
                PLATFORMS);
        assertEquals("Base image 127.0.0.1:9/base:1: registry unreachable (Connection refused)", e.getMessage());
    }

    @Test
    void dockerHubsPullLimitSaysWhatIsLeftAndHowToRaiseIt() {
        HttpHeaders headers = new HttpHeaders().set("ratelimit-limit", "100;w=21600").set("ratelimit-remaining", "0;w=21600");
        Exception jib = new java.util.concurrent.ExecutionException(JibResponses.of(429, "Too Many Requests", headers,
                "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"You have reached your pull rate limit.\"}]}"));
        BaseImageException e = JibErrors.describe(jib, "eclipse-temurin:17-jre", PLATFORMS);
        assertEquals("Base image eclipse-temurin:17-jre: Docker Hub's pull rate limit is used up (0 of 100 pulls per 6"
                + " hours remain); logging in (or a paid plan) raises it: set <from><auth>, a settings.xml <server> or"
                + " docker login, or use a mirror", e.getMessage());
    }

    @Test
    void aPlainHttpRegistryFoundDuringJibsRetriesIsTheSentenceWithTheSetting() {
        Exception jib = new RuntimeException(new PlainHttpRegistryException("127.0.0.1:5000", null));
        BaseImageException e = JibErrors.describe(jib, "127.0.0.1:5000/base:1", PLATFORMS);
        assertEquals("Base image 127.0.0.1:5000/base:1: 127.0.0.1:5000 speaks plain HTTP, not HTTPS; set"
                + " <allowInsecureRegistries>true</allowInsecureRegistries> (or -Dfita.allowInsecureRegistries) to use it",
                e.getMessage());
    }

    @Test
    void otherErrorsKeepTheirMessageWithoutAnsi() {
        BaseImageException e = JibErrors.describe(new RuntimeException("\u001B[31mboom\u001B[0m"), "base:1",
                PLATFORMS);
        assertEquals("Building linux/amd64, linux/arm64 from base image base:1 failed: boom", e.getMessage());
        assertTrue(e.getCause() instanceof RuntimeException);
    }

    @Test
    void offlineWithoutCachedBase() {
        BaseImageException e = JibErrors.describe(new java.io.IOException("Cannot run Jib in offline mode; base:1 not"
                + " found in local Jib cache"), "base:1", PLATFORMS);
        assertEquals("Base image base:1 is not in Jib's cache for linux/amd64, linux/arm64, so it cannot be built"
                + " offline (-o); build once online first", e.getMessage());
    }

    @Test
    void aSinglePlatformBaseForSeveralPlatforms() {
        Exception jib = new IllegalStateException("cannot build for multiple platforms since the base image"
                + " 'registry/base:1' is not a manifest list.");
        assertEquals("Base image registry/base:1 is a single-platform image, but <platforms> asks for linux/amd64,"
                + " linux/arm64; use a multi-platform base image in <from><image> or ask for its one platform in"
                + " <platforms>", JibErrors.describe(jib, "registry/base:1", PLATFORMS).getMessage());
        Exception mismatch = new IllegalStateException("the configured platform (arm64/linux) doesn't match the"
                + " platform (amd64/linux) of the base image (registry/base:1)");
        assertEquals("Base image registry/base:1 has no linux/arm64 entry (<platforms> asks for linux/arm64); use a"
                + " multi-platform base image in <from><image> or remove linux/arm64 from <platforms>", JibErrors
                        .describe(mismatch, "registry/base:1", List.of(Platform.parse("linux/arm64"))).getMessage());
    }

    @Test
    void configurationErrorsDropJibsAdviceAndNameTheElement() {
        assertEquals("<from><image>: the project is built for Java 21 but the base image is for Java 17; configure a"
                + " Java 21 base image in <from><image>", JibErrors.configuration(
                        new com.google.cloud.tools.jib.plugins.common.IncompatibleBaseImageJavaVersionException(17, 21))
                .getMessage());
        assertEquals("jib.httpTimeout must be an integer: soon", JibErrors.configuration(
                new NumberFormatException("jib.httpTimeout must be an integer: soon")).getMessage());
        assertEquals("<containerizingMode>packaged is not supported for a WAR project (as in Jib); remove it",
                JibErrors.configuration(new UnsupportedOperationException("packaged containerizing mode for WAR is"
                        + " not yet supported")).getMessage());
    }
}
