package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.Containerizer;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Two of Jib's defaults that fita needs outside Jib's own run, decided as jib-maven-plugin 3.5.2
 * decides them (a test compares them with Jib's code): the default base image, and where the
 * base-image layer cache is.
 */
public final class JibDefaults {
    private JibDefaults() {}

    /**
     * {@code jetty} for a WAR project, else {@code eclipse-temurin:N-jre} for the smallest N in 8, 11,
     * 17, 21, 25 that runs the project's Java release; null above 25 (Jib then fails the build, saying so).
     */
    public static String defaultBaseImage(boolean war, int javaVersion) {
        if (war) {
            return "jetty";
        }
        for (int release : new int[] {8, 11, 17, 21, 25}) {
            if (javaVersion <= release) {
                return "eclipse-temurin:" + release + "-jre";
            }
        }
        return null;
    }

    /**
     * {@code jib.baseImageCache} when set, else the project cache with {@code jib.useOnlyProjectCache},
     * else Jib's user cache directory (so a CI cache kept for Jib serves fita too). Like Jib, this reads
     * JVM system properties only ({@code mvn -D...} sets those as well).
     */
    public static Path baseImageCache(Properties system, Path projectCache) {
        String configured = system.getProperty("jib.baseImageCache");
        if (configured != null) {
            return Path.of(configured);
        }
        return Boolean.parseBoolean(system.getProperty("jib.useOnlyProjectCache"))
                ? projectCache : Containerizer.DEFAULT_BASE_CACHE_DIRECTORY;
    }
}
