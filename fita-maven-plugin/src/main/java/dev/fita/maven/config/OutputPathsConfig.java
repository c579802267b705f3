package dev.fita.maven.config;

import java.io.File;

/** {@code <outputPaths>}: where Jib's {@code tar}, {@code digest}, {@code imageId} and {@code imageJson} files go. */
public class OutputPathsConfig {
    private File tar;
    private File digest;
    private File imageId;
    private File imageJson;

    public File getTar() {
        return tar;
    }

    public File getDigest() {
        return digest;
    }

    public File getImageId() {
        return imageId;
    }

    public File getImageJson() {
        return imageJson;
    }
}
