package dev.fita.maven.config;

import java.util.List;

/**
 * The resolved {@code <to>}. {@code image} may be null (build works without it; push needs it).
 * {@code tags} are the tag of {@code image} (or {@code latest}) followed by {@code <tags>}, without duplicates.
 */
public record TargetSettings(String image, List<String> tags, Auth auth, CredHelper credHelper) {
    public TargetSettings {
        tags = List.copyOf(tags);
        credHelper = credHelper == null ? CredHelper.NONE : credHelper;
    }
}
