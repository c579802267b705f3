package dev.fita.maven.config;

import java.io.File;

/** {@code <embServe>}: the service.json to add as the far-edge entry, and its platform. */
public class EmbServeConfig {
    private File service;
    private File config;
    private String platform;

    public File getService() {
        return service;
    }

    public File getConfig() {
        return config;
    }

    public String getPlatform() {
        return platform;
    }
}
