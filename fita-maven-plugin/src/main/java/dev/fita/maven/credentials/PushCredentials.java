package dev.fita.maven.credentials;

import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.fita.oci.registry.CredentialProvider;
import dev.fita.oci.registry.Credentials;
import dev.fita.oci.registry.DockerHub;
import dev.fita.oci.registry.RegistryAuthenticationException;
import java.io.FileNotFoundException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The core registry client's view of a {@link RegistryCredentials} chain: asked per registry host,
 * answered once and remembered, so a credential helper runs at most once per push.
 */
public final class PushCredentials implements CredentialProvider {
    private final RegistryCredentials chain;
    private final Map<String, Optional<Credentials>> cache = new ConcurrentHashMap<>();

    public PushCredentials(RegistryCredentials chain) {
        this.chain = chain;
    }

    @Override
    public Optional<Credentials> forRegistry(String registry) {
        return cache.computeIfAbsent(registry, this::lookUp);
    }

    private Optional<Credentials> lookUp(String registry) {
        try {
            // jib-core names Docker Hub by its API host; its Docker config lookup knows the aliases.
            String jibRegistry = DockerHub.apiHost(registry);
            return chain.retrieveForRegistry(jibRegistry)
                    .map(c -> new Credentials(c.getUsername(), c.getPassword()));
        } catch (FileNotFoundException e) {
            throw new RegistryAuthenticationException("Could not get credentials for " + registry + ": the "
                    + "<credHelper> program does not exist (" + e.getMessage() + ")", e);
        } catch (CredentialRetrievalException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RegistryAuthenticationException("Could not get credentials for " + registry + " from its "
                    + "credential helper or Docker config: " + cause.getMessage(), e);
        }
    }
}
