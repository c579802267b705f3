package dev.fita.maven.config;

import java.util.ArrayList;
import java.util.List;

/** Jib parameters that fita accepts so a Jib pom parses, but that cannot apply: one warning each, saying what to do. */
final class NotApplicable {
    private NotApplicable() {}

    static List<String> warnings(DockerClientConfig dockerClient, boolean skaffoldConfigured, PropertyOverrides properties) {
        List<String> warnings = new ArrayList<>();
        boolean docker = dockerClient != null
                && (dockerClient.getExecutable() != null || dockerClient.getEnvironment() != null)
                || properties.jib("jib.dockerClient.executable").isPresent()
                || properties.jib("jib.dockerClient.environment").isPresent();
        if (docker) {
            warnings.add("<dockerClient> is ignored: fita builds without a Docker daemon. To run the image locally, load"
                    + " the layout, e.g. 'skopeo copy oci:target/fita/image:latest docker-daemon:app:latest'"
                    + " (see docs/migrating-from-jib.md)");
        }
        if (skaffoldConfigured) {
            warnings.add("<skaffold> is ignored: fita has no Skaffold goals (Jib's _skaffold-*); let Skaffold run"
                    + " 'mvn package fita:build' as a custom build instead (see docs/migrating-from-jib.md)");
        }
        return warnings;
    }
}
