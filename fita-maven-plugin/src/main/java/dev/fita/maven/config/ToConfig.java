package dev.fita.maven.config;

import java.util.List;

/**
 * {@code <to>}: the target reference, extra tags and how to authenticate to it. As in Jib,
 * {@code <to>registry/app:1</to>} is short for {@code <to><image>registry/app:1</image></to>}.
 */
public class ToConfig {
    private String image;
    private List<String> tags;
    private AuthConfig auth;
    private CredHelperConfig credHelper;

    /** The string form. */
    public void set(String image) {
        this.image = image;
    }

    public String getImage() {
        return image;
    }

    public List<String> getTags() {
        return tags;
    }

    public AuthConfig getAuth() {
        return auth;
    }

    public CredHelperConfig getCredHelper() {
        return credHelper;
    }
}
