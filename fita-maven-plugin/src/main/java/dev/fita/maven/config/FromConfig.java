package dev.fita.maven.config;

import java.util.List;

/** {@code <from>}: the base image of the container platforms, as in Jib. */
public class FromConfig {
    private String image;
    private AuthConfig auth;
    private CredHelperConfig credHelper;
    private List<PlatformConfig> platforms;

    public String getImage() {
        return image;
    }

    public AuthConfig getAuth() {
        return auth;
    }

    public CredHelperConfig getCredHelper() {
        return credHelper;
    }

    /** Jib's {@code <from><platforms>}; fita's top-level {@code <platforms>} is the same list. */
    public List<PlatformConfig> getPlatforms() {
        return platforms;
    }
}
