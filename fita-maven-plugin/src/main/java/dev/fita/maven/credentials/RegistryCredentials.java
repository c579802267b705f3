package dev.fita.maven.credentials;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.fita.maven.config.Auth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Jib's credential order for one image: {@code <auth>} (or its properties), {@code <credHelper>},
 * settings.xml {@code <server>}, Docker config.json (auths, credHelpers, credsStore, via jib-core),
 * then anonymous. The same chain serves jib-core (pulling the base image) and the core registry
 * client (pushing).
 */
public final class RegistryCredentials {
    private final Auth auth;
    private final String authElement;
    private final String credHelper;
    private final SettingsServers servers;
    private final Map<String, String> environment;
    private final Consumer<LogEvent> log;

    /**
     * @param authElement how to name the explicit auth in log lines, e.g. {@code <to><auth>}
     * @param environment the process environment (for {@code DOCKER_CONFIG})
     */
    public RegistryCredentials(Auth auth, String authElement, String credHelper, SettingsServers servers,
            Map<String, String> environment, Consumer<LogEvent> log) {
        this.auth = auth;
        this.authElement = authElement;
        this.credHelper = credHelper;
        this.servers = servers;
        this.environment = environment;
        this.log = log;
    }

    /** A named step of the chain; the name is for logs and never contains a secret. */
    public record Source(String name, CredentialRetriever retriever) {}

    /** The chain for {@code image}'s registry, in order. Anonymous is what remains when all are empty. */
    public List<Source> sources(ImageReference image) {
        String registry = image.getRegistry();
        CredentialRetrieverFactory factory = CredentialRetrieverFactory.forImage(image, log, environment);
        List<Source> sources = new ArrayList<>();
        if (auth != null) {
            Credential credential = Credential.from(auth.username(), auth.password());
            sources.add(new Source(authElement, () -> Optional.of(credential)));
        }
        if (credHelper != null) {
            sources.add(new Source("credential helper " + helperExecutable(credHelper),
                    factory.dockerCredentialHelper(helperExecutable(credHelper))));
        }
        servers.matchingId(registry).ifPresent(id -> sources.add(
                new Source("settings.xml server '" + id + "'", () -> servers.forRegistry(registry))));
        String dockerConfig = environment.get("DOCKER_CONFIG");
        if (dockerConfig != null && !dockerConfig.isBlank()) {
            Path file = Path.of(dockerConfig, "config.json");
            sources.add(new Source("Docker config " + file, factory.dockerConfig(file)));
        }
        sources.add(new Source("Docker config ~/.docker/config.json", factory.dockerConfig()));
        return sources;
    }

    /** The chain as jib-core retrievers, each logging (at debug) which source answered. */
    public List<CredentialRetriever> retrievers(ImageReference image) {
        List<CredentialRetriever> retrievers = new ArrayList<>();
        for (Source source : sources(image)) {
            retrievers.add(() -> {
                Optional<Credential> credential = source.retriever().retrieve();
                credential.ifPresent(c -> log.accept(LogEvent.info("Using credentials from " + source.name()
                        + " for " + image.getRegistry())));
                return credential;
            });
        }
        return retrievers;
    }

    /** The first credential of the chain for {@code image}'s registry, or empty for anonymous access. */
    public Optional<Credential> retrieve(ImageReference image) throws CredentialRetrievalException {
        for (CredentialRetriever retriever : retrievers(image)) {
            Optional<Credential> credential = retriever.retrieve();
            if (credential.isPresent()) {
                return credential;
            }
        }
        return Optional.empty();
    }

    /** {@code gcr} means {@code docker-credential-gcr}, as in Jib; a path or full name is used as given. */
    static String helperExecutable(String credHelper) {
        String trimmed = credHelper.trim();
        if (trimmed.contains("/") || trimmed.contains("\\") || trimmed.startsWith("docker-credential-")) {
            return trimmed;
        }
        return "docker-credential-" + trimmed;
    }
}
