package dev.fita.oci.registry;

import java.util.Map;
import java.util.Optional;

/** Where the client finds credentials for a registry host (e.g. {@code registry.example.com:5000}). */
@FunctionalInterface
public interface CredentialProvider {

    Optional<Credentials> forRegistry(String registry);

    static CredentialProvider anonymous() {
        return registry -> Optional.empty();
    }

    static CredentialProvider of(Map<String, Credentials> byRegistry) {
        Map<String, Credentials> copy = Map.copyOf(byRegistry);
        return registry -> Optional.ofNullable(copy.get(registry));
    }

    static CredentialProvider of(String registry, Credentials credentials) {
        return of(Map.of(registry, credentials));
    }
}
