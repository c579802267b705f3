package dev.fita.maven.it.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The base image of the jib-war IT, shaped like a servlet container's (Tomcat's): no entrypoint, a
 * {@code Cmd}, a working directory, an exposed port and environment, so the IT sees what a WAR
 * image inherits. linux/amd64 and linux/arm64; pushed by the IT's prebuild.groovy.
 */
public final class ServletBaseImage {

    public static final String REPOSITORY = "diff-base/servlet:1";
    private static final Instant CREATED = Instant.parse("2025-01-15T12:00:00Z");

    private ServletBaseImage() {}

    /** Pushes the image to {@code registry} (plain HTTP) as {@value #REPOSITORY}; returns the reference. */
    public static String push(String registry) {
        String reference = registry + "/" + REPOSITORY;
        TestImage image = TestImage.empty()
                .file(new TestImage.Entry("usr/local/tomcat", TarConstants.LF_DIR, 0755, CREATED, null, null))
                .file(new TestImage.Entry("usr/local/tomcat/bin/catalina.sh", TarConstants.LF_NORMAL, 0755, CREATED,
                        "#!/bin/sh\necho \"catalina $*\"\n".getBytes(StandardCharsets.UTF_8), null))
                .file(new TestImage.Entry("usr/local/tomcat/webapps", TarConstants.LF_DIR, 0755, CREATED, null, null))
                .env("PATH", "/usr/local/tomcat/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .env("CATALINA_HOME", "/usr/local/tomcat")
                .config("Cmd", List.of("catalina.sh", "run"))
                .config("WorkingDir", "/usr/local/tomcat")
                .config("ExposedPorts", Map.of("8080/tcp", Map.of()))
                .created(CREATED.toString());
        try {
            Path dir = Files.createTempDirectory("fita-servlet-base-");
            try {
                image.push(dir.resolve("layout"), reference);
            } finally {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the servlet base image", e);
        }
        return reference;
    }
}
