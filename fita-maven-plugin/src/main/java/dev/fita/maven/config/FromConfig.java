package dev.fita.maven.config;

/** {@code <from>}: the base image of the container platforms. */
public class FromConfig {
    private String image;
    private AuthConfig auth;
    private String credHelper;

    public String getImage() {
        return image;
    }

    public AuthConfig getAuth() {
        return auth;
    }

    public String getCredHelper() {
        return credHelper;
    }
}
