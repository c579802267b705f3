package dev.fita.maven.credentials;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.plugins.common.AuthProperty;
import com.google.cloud.tools.jib.plugins.common.InferredAuthProvider;
import dev.fita.oci.registry.DockerHub;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.maven.settings.Server;

/**
 * Credentials from settings.xml {@code <server>} entries whose id is the registry host, first with its
 * port and then without, as Jib does (Docker Hub's names all match each other). Passwords are decrypted
 * on use only; one that cannot be decrypted fails the build (Jib would only warn and go on anonymously).
 */
public final class SettingsServers implements InferredAuthProvider {
    private final List<Server> servers;
    private final UnaryOperator<Server> decrypter;

    /** {@code decrypter} returns the server with its password decrypted (SettingsDecrypter in Maven). */
    public SettingsServers(List<Server> servers, UnaryOperator<Server> decrypter) {
        this.servers = servers == null ? List.of() : List.copyOf(servers);
        this.decrypter = decrypter;
    }

    public static SettingsServers none() {
        return new SettingsServers(List.of(), UnaryOperator.identity());
    }

    /** The id of the server that matched, for log lines. */
    public Optional<String> matchingId(String registry) {
        return find(registry).map(Server::getId);
    }

    public Optional<Credential> forRegistry(String registry) {
        return find(registry).map(decrypter).filter(s -> s.getUsername() != null && s.getPassword() != null)
                .map(s -> Credential.from(s.getUsername(), s.getPassword()));
    }

    /** Jib's view: the credential and, as its description, which server it came from (never the password). */
    @Override
    public Optional<AuthProperty> inferAuth(String registry) {
        Optional<String> id = matchingId(registry);
        return forRegistry(registry).map(credential -> new ServerAuth(credential, id.orElse(registry)));
    }

    private Optional<Server> find(String registry) {
        if (DockerHub.isDockerHub(registry)) {
            return DockerHub.ALIASES.stream().map(this::byId).flatMap(Optional::stream).findFirst();
        }
        Optional<Server> exact = byId(registry);
        if (exact.isPresent()) {
            return exact;
        }
        int colon = registry.lastIndexOf(':');
        if (colon > 0 && !registry.endsWith("]")) {
            return byId(registry.substring(0, colon));
        }
        return Optional.empty();
    }

    private Optional<Server> byId(String id) {
        return servers.stream().filter(s -> id.equals(s.getId())).findFirst();
    }

    private record ServerAuth(Credential credential, String id) implements AuthProperty {
        @Override
        public String getUsername() {
            return credential.getUsername();
        }

        @Override
        public String getPassword() {
            return credential.getPassword();
        }

        @Override
        public String getAuthDescriptor() {
            return "settings.xml <server> '" + id + "'";
        }

        @Override
        public String getUsernameDescriptor() {
            return getAuthDescriptor();
        }

        @Override
        public String getPasswordDescriptor() {
            return getAuthDescriptor();
        }

        @Override
        public String toString() {
            return getAuthDescriptor();
        }
    }
}
