package dev.fita.maven.config;

/**
 * The resolved {@code <from>}: the image reference (the configured one, else Jib's default for the
 * project), whether it was configured, explicit auth (nullable) and the credential helper.
 */
public record BaseImageSettings(String image, boolean configured, Auth auth, CredHelper credHelper) {
    public BaseImageSettings {
        credHelper = credHelper == null ? CredHelper.NONE : credHelper;
    }

    /** A configured image without auth or helper. */
    public static BaseImageSettings of(String image) {
        return new BaseImageSettings(image, true, null, null);
    }
}
