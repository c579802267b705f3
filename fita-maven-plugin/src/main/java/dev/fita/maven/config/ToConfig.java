package dev.fita.maven.config;

import java.util.List;

/** {@code <to>}: the target reference, extra tags and how to authenticate to it. */
public class ToConfig {
    private String image;
    private List<String> tags;
    private AuthConfig auth;
    private String credHelper;

    public String getImage() {
        return image;
    }

    public List<String> getTags() {
        return tags;
    }

    public AuthConfig getAuth() {
        return auth;
    }

    public String getCredHelper() {
        return credHelper;
    }
}
