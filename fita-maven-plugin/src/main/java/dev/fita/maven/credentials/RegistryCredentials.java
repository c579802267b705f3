package dev.fita.maven.credentials;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.plugins.common.AuthProperty;
import com.google.cloud.tools.jib.plugins.common.DefaultCredentialRetrievers;
import com.google.cloud.tools.jib.plugins.common.InferredAuthException;
import com.google.cloud.tools.jib.plugins.common.InferredAuthProvider;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.fita.maven.config.Auth;
import dev.fita.maven.config.CredHelper;
import java.io.FileNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Jib's credential chain for one image, assembled the way jib-maven-plugin assembles it for a registry
 * image: {@code <auth>} (or the auth properties), else a settings.xml {@code <server>}; the
 * {@code <credHelper>}; podman's {@code auth.json} ({@code $XDG_RUNTIME_DIR}, {@code $XDG_CONFIG_HOME},
 * {@code ~/.config/containers}); Docker's {@code config.json}, {@code .dockerconfigjson} and legacy
 * {@code .dockercfg} ({@code $DOCKER_CONFIG}, {@code ~/.docker}); the helper inferred from the host
 * ({@code gcr}, {@code ecr-login}); Google's application default credentials for GCR; then anonymous.
 * Jib builds the same chain itself for the base image; this one serves the core registry client.
 */
public final class RegistryCredentials {
    private final Auth auth;
    private final String authElement;
    private final CredHelper credHelper;
    private final InferredAuthProvider servers;
    private final Consumer<LogEvent> log;

    /** @param authElement how Jib names the explicit auth in its log line, e.g. {@code <to><auth>} */
    public RegistryCredentials(Auth auth, String authElement, CredHelper credHelper, InferredAuthProvider servers,
            Consumer<LogEvent> log) {
        this.auth = auth;
        this.authElement = authElement;
        this.credHelper = credHelper == null ? CredHelper.NONE : credHelper;
        this.servers = servers;
        this.log = log;
    }

    /** The chain for {@code image}'s registry, in Jib's order; each retriever logs (lifecycle) when it answers. */
    public List<CredentialRetriever> retrievers(ImageReference image) throws FileNotFoundException {
        return retrievers(image, log);
    }

    private List<CredentialRetriever> retrievers(ImageReference image, Consumer<LogEvent> log)
            throws FileNotFoundException {
        DefaultCredentialRetrievers chain = DefaultCredentialRetrievers.init(
                CredentialRetrieverFactory.forImage(image, log, credHelper.environment()));
        if (auth != null) {
            chain.setKnownCredential(Credential.from(auth.username(), auth.password()), authElement);
        } else {
            try {
                Optional<AuthProperty> inferred = servers.inferAuth(image.getRegistry());
                inferred.ifPresent(server -> chain.setInferredCredential(
                        Credential.from(server.getUsername(), server.getPassword()), server.getAuthDescriptor()));
            } catch (InferredAuthException e) {
                log.accept(LogEvent.warn("Ignoring settings.xml credentials for " + image.getRegistry() + ": "
                        + e.getMessage()));
            }
        }
        chain.setCredentialHelper(credHelper.helper());
        return chain.asList();
    }

    /** The first credential of the chain for {@code image}'s registry, or empty for anonymous access. */
    public Optional<Credential> retrieve(ImageReference image) throws CredentialRetrievalException, FileNotFoundException {
        return retrieve(image, log);
    }

    /**
     * The same for a registry alone (the core client asks per registry). Jib's sources look only at the
     * registry; the log lines name the registry instead of a made-up repository.
     */
    public Optional<Credential> retrieveForRegistry(String registry)
            throws CredentialRetrievalException, FileNotFoundException {
        ImageReference placeholder = ImageReference.of(registry, "fita/registry", null);
        String shown = " for " + placeholder;
        return retrieve(placeholder, event -> log.accept(withMessage(event,
                event.getMessage().replace(shown, " for " + registry))));
    }

    private Optional<Credential> retrieve(ImageReference image, Consumer<LogEvent> log)
            throws CredentialRetrievalException, FileNotFoundException {
        for (CredentialRetriever retriever : retrievers(image, log)) {
            Optional<Credential> credential = retriever.retrieve();
            if (credential.isPresent()) {
                return credential;
            }
        }
        return Optional.empty();
    }

    private static LogEvent withMessage(LogEvent event, String message) {
        return switch (event.getLevel()) {
            case ERROR -> LogEvent.error(message);
            case WARN -> LogEvent.warn(message);
            case LIFECYCLE -> LogEvent.lifecycle(message);
            case PROGRESS -> LogEvent.progress(message);
            case INFO -> LogEvent.info(message);
            case DEBUG -> LogEvent.debug(message);
        };
    }
}
