package dev.fita.maven.config;

import java.io.File;
import java.util.Map;

/** Jib's {@code <dockerClient>}: accepted so Jib poms parse, but fita uses no Docker daemon (a warning says so). */
public class DockerClientConfig {
    private File executable;
    private Map<String, String> environment;

    public File getExecutable() {
        return executable;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }
}
