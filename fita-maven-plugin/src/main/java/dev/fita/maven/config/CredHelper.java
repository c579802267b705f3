package dev.fita.maven.config;

import java.util.Map;

/**
 * A resolved {@code <credHelper>}: the helper ({@code gcr} means {@code docker-credential-gcr}; a path is
 * used as given) and the extra environment it runs with. {@code helper} is null when none is configured.
 */
public record CredHelper(String helper, Map<String, String> environment) {
    public static final CredHelper NONE = new CredHelper(null, Map.of());

    public CredHelper {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
}
