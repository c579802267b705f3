package dev.fita.maven.credentials;

import dev.fita.oci.registry.CredentialProvider;
import dev.fita.oci.registry.Credentials;
import java.util.Optional;

/**
 * Credentials for a copy between two images: {@code <to>}'s chain for the target's registry, {@code <from>}'s
 * for any other. On a shared registry one token serves both repositories (a mount needs pull on the source
 * and push on the target), so {@code <to>} answers, and {@code <from>} only when {@code <to>} has nothing.
 */
public final class TwoSidedCredentials implements CredentialProvider {
    private final String targetRegistry;
    private final CredentialProvider to;
    private final CredentialProvider from;

    public TwoSidedCredentials(String targetRegistry, CredentialProvider to, CredentialProvider from) {
        this.targetRegistry = targetRegistry;
        this.to = to;
        this.from = from;
    }

    @Override
    public Optional<Credentials> forRegistry(String registry) {
        if (registry.equals(targetRegistry)) {
            return to.forRegistry(registry).or(() -> from.forRegistry(registry));
        }
        return from.forRegistry(registry);
    }
}
