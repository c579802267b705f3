package dev.fita.maven.config;

/**
 * One {@code <platformImage>} of {@code fita:merge}'s {@code <platformImages>}: the {@code <platform>} and
 * the full reference ({@code <image>}) of that platform's image when it is not at the per-platform tag of
 * {@code <to><image>}, e.g. on the registry the CI runners push to.
 */
public class PlatformImageConfig {
    private String platform;
    private String image;

    public PlatformImageConfig() {}

    public PlatformImageConfig(String platform, String image) {
        this.platform = platform;
        this.image = image;
    }

    public String getPlatform() {
        return platform;
    }

    public String getImage() {
        return image;
    }
}
