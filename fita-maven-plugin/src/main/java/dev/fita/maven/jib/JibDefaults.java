package dev.fita.maven.jib;

/**
 * The one Jib default that fita needs outside Jib's own run, decided as jib-maven-plugin 3.5.2 decides
 * it (a test compares it with Jib's code): the default base image.
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
}
