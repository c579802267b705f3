package dev.fita.oci.registry;

import java.util.List;

/** Docker Hub's names: the one alias table of the library. */
public final class DockerHub {

    /** The registry name references use, and the one {@link ImageReference} gives Docker Hub images. */
    public static final String NAME = "docker.io";

    /** Where Docker Hub serves the distribution API. */
    public static final String API_HOST = "registry-1.docker.io";

    /** Every name that means Docker Hub: for credential lookups (Docker config, settings.xml ids). */
    public static final List<String> ALIASES = List.of(NAME, "index.docker.io", API_HOST);

    private DockerHub() {}

    public static boolean isDockerHub(String registry) {
        return ALIASES.contains(registry);
    }

    /** The host to send API requests to for {@code registry}. */
    public static String apiHost(String registry) {
        return isDockerHub(registry) ? API_HOST : registry;
    }
}
