package dev.fita.maven.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import dev.fita.maven.config.Auth;
import dev.fita.maven.config.CredHelper;
import dev.fita.oci.testing.IsolatedUserHome;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Jib's credential chain as fita:push uses it, with real files under a temporary user.home. */
@ExtendWith(IsolatedUserHome.class)
class RegistryCredentialsTest {
    private static final String REGISTRY = "127.0.0.1:5000";

    private final List<LogEvent> events = new ArrayList<>();

    private static ImageReference image(String reference) throws Exception {
        return ImageReference.parse(reference);
    }

    private static Server server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        return server;
    }

    private static String basic(String username, String password) {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Docker's and podman's format: {"auths": {registry: {"auth": base64}}}. */
    private Path authsFile(String relative, String username) throws Exception {
        Path file = IsolatedUserHome.current().resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{\"auths\":{\"" + REGISTRY + "\":{\"auth\":\"" + basic(username, "pw") + "\"}}}");
    }

    private SettingsServers settingsServer(String username) {
        return new SettingsServers(List.of(server(REGISTRY, username, "pw")), UnaryOperator.identity());
    }

    private RegistryCredentials chain(Auth auth, CredHelper helper, SettingsServers servers) {
        return new RegistryCredentials(auth, "<to><auth>", helper, servers, events::add);
    }

    private Optional<String> user(RegistryCredentials chain) throws Exception {
        return chain.retrieve(image(REGISTRY + "/app")).map(Credential::getUsername);
    }

    @Test
    void explicitAuthComesFirst() throws Exception {
        authsFile(".docker/config.json", "docker");
        assertEquals(Optional.of("explicit"), user(chain(new Auth("explicit", "pw"), null, settingsServer("settings"))));
    }

    @Test
    void settingsServerComesBeforePodmanAndDockerFiles() throws Exception {
        authsFile(".config/containers/auth.json", "podman");
        authsFile(".docker/config.json", "docker");
        assertEquals(Optional.of("settings"), user(chain(null, null, settingsServer("settings"))));
    }

    @Test
    void podmanAuthJsonComesBeforeDockerConfig() throws Exception {
        authsFile(".config/containers/auth.json", "podman");
        authsFile(".docker/config.json", "docker");
        assertEquals(Optional.of("podman"), user(chain(null, null, SettingsServers.none())));
    }

    @Test
    void kubernetesDockerConfigJson() throws Exception {
        authsFile(".docker/.dockerconfigjson", "kubernetes");
        assertEquals(Optional.of("kubernetes"), user(chain(null, null, SettingsServers.none())));
    }

    @Test
    void legacyDockercfg() throws Exception {
        Path file = Files.createDirectories(IsolatedUserHome.current().resolve(".docker")).resolve(".dockercfg");
        Files.writeString(file, "{\"" + REGISTRY + "\":{\"auth\":\"" + basic("legacy", "pw") + "\",\"email\":\"\"}}");
        assertEquals(Optional.of("legacy"), user(chain(null, null, SettingsServers.none())));
        assertEquals(Optional.empty(), chain(null, null, SettingsServers.none()).retrieve(image("127.0.0.1:6000/app")));
    }

    @Test
    void settingsServerIdWithPortThenWithout() {
        SettingsServers servers = new SettingsServers(List.of(
                server("registry.example.com", "host", "pw1"),
                server("registry.example.com:5000", "hostport", "pw2")), UnaryOperator.identity());
        assertEquals(Optional.of(Credential.from("hostport", "pw2")), servers.forRegistry("registry.example.com:5000"));
        assertEquals(Optional.of(Credential.from("host", "pw1")), servers.forRegistry("registry.example.com:6000"));
        assertEquals(Optional.empty(), servers.forRegistry("other.example.com"));
    }

    @Test
    void dockerHubServerMatchesAnyOfItsNames() {
        SettingsServers servers = new SettingsServers(List.of(server("docker.io", "hub", "pw")), UnaryOperator.identity());
        assertEquals(Optional.of(Credential.from("hub", "pw")), servers.forRegistry("registry-1.docker.io"));
        assertEquals(Optional.of(Credential.from("hub", "pw")), servers.forRegistry("docker.io"));
    }

    @Test
    void settingsPasswordsAreDecryptedOnUse() {
        SettingsServers servers = new SettingsServers(List.of(server("r.example.com", "u", "{encrypted}")),
                s -> server(s.getId(), s.getUsername(), "clear"));
        assertEquals(Optional.of(Credential.from("u", "clear")), servers.forRegistry("r.example.com"));
        assertEquals("u", servers.inferAuth("r.example.com").orElseThrow().getUsername());
        assertEquals("settings.xml <server> 'r.example.com'",
                servers.inferAuth("r.example.com").orElseThrow().getAuthDescriptor());
    }

    @Test
    void anonymousWhenNothingMatches() throws Exception {
        assertEquals(Optional.empty(), user(chain(null, null, SettingsServers.none())));
    }

    @Test
    void logLinesNameTheSourceButNotThePassword() throws Exception {
        chain(new Auth("alice", "top-secret"), null, SettingsServers.none()).retrieve(image(REGISTRY + "/app"));
        assertFalse(events.isEmpty());
        for (LogEvent event : events) {
            assertFalse(event.getMessage().contains("top-secret"), event.getMessage());
        }
        assertTrue(events.stream().anyMatch(e -> e.getMessage().equals("Using credentials from <to><auth> for "
                + REGISTRY + "/app")), events.toString());
    }

    @Test
    void perRegistryLookupsNameTheRegistryInTheLog() throws Exception {
        chain(new Auth("alice", "pw"), null, SettingsServers.none()).retrieveForRegistry(REGISTRY);
        assertTrue(events.stream().anyMatch(e -> e.getMessage().equals("Using credentials from <to><auth> for "
                + REGISTRY)), events.toString());
    }

    /** A real docker-credential helper: reads the registry on stdin for "get", answers JSON. */
    private Path helper(String secretExpression) throws Exception {
        Path helper = IsolatedUserHome.current().resolve("bin/docker-credential-fita-test");
        Files.createDirectories(helper.getParent());
        Files.writeString(helper, String.join("\n",
                "#!/bin/sh",
                "read server",
                "if [ \"$1\" = get ] && [ \"$server\" = " + REGISTRY + " ]; then",
                "  printf '{\"ServerURL\":\"%s\",\"Username\":\"helper-user\",\"Secret\":\"%s\"}' \"$server\" \""
                        + secretExpression + "\"",
                "else",
                "  echo 'credentials not found in native keychain' >&2; exit 1",
                "fi", ""));
        assertTrue(helper.toFile().setExecutable(true));
        return helper;
    }

    @Test
    void credHelperProgramAnswersThroughJib() throws Exception {
        RegistryCredentials chain = chain(null, new CredHelper(helper("helper-secret").toString(), null),
                settingsServer("settings"));
        Credential credential = chain.retrieve(image(REGISTRY + "/app")).orElseThrow();
        assertEquals("helper-user", credential.getUsername(), "the helper comes before settings.xml");
        assertEquals("helper-secret", credential.getPassword());
        String logged = events.stream().map(LogEvent::getMessage).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(logged.contains("credential helper docker-credential-fita-test"), logged);
        assertFalse(logged.contains("helper-secret"), logged);
        // A registry the helper does not know: the chain goes on (here to anonymous).
        assertTrue(chain.retrieve(image("127.0.0.1:5001/app")).isEmpty());
        // Explicit auth still comes first.
        assertEquals(Optional.of("explicit"), user(chain(new Auth("explicit", "pw"),
                new CredHelper(helper("x").toString(), null), SettingsServers.none())));
    }

    @Test
    void credHelperObjectFormPassesItsEnvironment() throws Exception {
        CredHelper helper = new CredHelper(helper("$FITA_TEST_SECRET").toString(), Map.of("FITA_TEST_SECRET", "from-env"));
        assertEquals("from-env", chain(null, helper, SettingsServers.none()).retrieve(image(REGISTRY + "/app"))
                .orElseThrow().getPassword());
    }

    @Test
    void missingCredHelperPathIsAnError() {
        CredHelper helper = new CredHelper(IsolatedUserHome.current().resolve("no/such/helper").toString(), null);
        assertThrows(FileNotFoundException.class, () -> chain(null, helper, SettingsServers.none())
                .retrieve(image(REGISTRY + "/app")));
    }
}
