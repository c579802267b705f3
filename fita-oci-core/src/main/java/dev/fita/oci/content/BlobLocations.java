package dev.fita.oci.content;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.fita.oci.Digest;

/** Where a copy has seen each blob, per registry: the mount sources for its later copies. */
final class BlobLocations {

    private final Map<String, String> repositories = new ConcurrentHashMap<>();

    void saw(BlobMounter at, Digest digest) {
        repositories.put(at.registry() + "|" + digest, at.repository());
    }

    Optional<String> find(BlobMounter on, Digest digest) {
        return Optional.ofNullable(repositories.get(on.registry() + "|" + digest));
    }
}
