package dev.fita.maven.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import dev.fita.maven.config.Auth;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCredentialsTest {
    @TempDir
    Path home;

    private String savedHome;
    private final List<LogEvent> events = new ArrayList<>();

    @BeforeEach
    void isolateHome() {
        // jib-core reads ~/.docker/config.json through user.home; keep the developer's out of the test.
        savedHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.setProperty("user.home", savedHome);
    }

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

    private Path dockerConfig(String registry, String username, String password) throws Exception {
        Path dir = Files.createDirectories(home.resolve("docker-config"));
        String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("config.json"),
                "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + auth + "\"}}}");
        return dir;
    }

    private RegistryCredentials chain(Auth auth, SettingsServers servers, Map<String, String> env) {
        return new RegistryCredentials(auth, "<to><auth>", null, servers, env, events::add);
    }

    @Test
    void explicitAuthComesFirst() throws Exception {
        SettingsServers servers = new SettingsServers(List.of(server("127.0.0.1:5000", "settings", "pw")),
                UnaryOperator.identity());
        Path docker = dockerConfig("127.0.0.1:5000", "docker", "pw");
        RegistryCredentials chain = chain(new Auth("explicit", "pw"), servers,
                Map.of("DOCKER_CONFIG", docker.toString()));
        assertEquals(Optional.of(Credential.from("explicit", "pw")), chain.retrieve(image("127.0.0.1:5000/app")));
        assertEquals(List.of("<to><auth>", "settings.xml server '127.0.0.1:5000'", "Docker config "
                        + docker.resolve("config.json"), "Docker config ~/.docker/config.json"),
                chain.sources(image("127.0.0.1:5000/app")).stream().map(RegistryCredentials.Source::name).toList());
    }

    @Test
    void settingsServerBeforeDockerConfig() throws Exception {
        SettingsServers servers = new SettingsServers(List.of(server("127.0.0.1:5000", "settings", "pw")),
                UnaryOperator.identity());
        Path docker = dockerConfig("127.0.0.1:5000", "docker", "pw");
        RegistryCredentials chain = chain(null, servers, Map.of("DOCKER_CONFIG", docker.toString()));
        assertEquals(Optional.of(Credential.from("settings", "pw")), chain.retrieve(image("127.0.0.1:5000/app")));
    }

    @Test
    void settingsServerIdWithPortThenWithout() throws Exception {
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
    }

    @Test
    void dockerConfigThroughJibCore() throws Exception {
        Path docker = dockerConfig("127.0.0.1:5000", "docker", "pw");
        RegistryCredentials chain = chain(null, SettingsServers.none(), Map.of("DOCKER_CONFIG", docker.toString()));
        assertEquals(Optional.of(Credential.from("docker", "pw")), chain.retrieve(image("127.0.0.1:5000/app")));
        assertEquals(Optional.empty(), chain.retrieve(image("127.0.0.1:6000/app")));
    }

    @Test
    void defaultDockerConfigUnderUserHome() throws Exception {
        Path docker = dockerConfig("127.0.0.1:5000", "home", "pw");
        Files.move(docker, home.resolve(".docker"));
        RegistryCredentials chain = chain(null, SettingsServers.none(), Map.of());
        assertEquals(Optional.of(Credential.from("home", "pw")), chain.retrieve(image("127.0.0.1:5000/app")));
    }

    @Test
    void anonymousWhenNothingMatches() throws Exception {
        RegistryCredentials chain = chain(null, SettingsServers.none(), Map.of());
        assertEquals(Optional.empty(), chain.retrieve(image("127.0.0.1:5000/app")));
    }

    @Test
    void logLinesNameTheSourceButNotThePassword() throws Exception {
        RegistryCredentials chain = chain(new Auth("alice", "top-secret"), SettingsServers.none(), Map.of());
        chain.retrieve(image("127.0.0.1:5000/app"));
        assertFalse(events.isEmpty());
        for (LogEvent event : events) {
            assertFalse(event.getMessage().contains("top-secret"), event.getMessage());
        }
        assertTrue(events.stream().anyMatch(e -> e.getMessage().contains("<to><auth>")));
    }

    @Test
    void credHelperNames() {
        assertEquals("docker-credential-gcr", RegistryCredentials.helperExecutable("gcr"));
        assertEquals("docker-credential-pass", RegistryCredentials.helperExecutable("docker-credential-pass"));
        assertEquals("/opt/bin/helper", RegistryCredentials.helperExecutable("/opt/bin/helper"));
    }

    @Test
    void credHelperComesAfterAuthAndBeforeSettings() throws Exception {
        SettingsServers servers = new SettingsServers(List.of(server("127.0.0.1:5000", "settings", "pw")),
                UnaryOperator.identity());
        RegistryCredentials chain = new RegistryCredentials(new Auth("a", "b"), "<from><auth>", "gcr", servers, Map.of(),
                events::add);
        List<String> names = chain.sources(image("127.0.0.1:5000/app")).stream()
                .map(RegistryCredentials.Source::name).toList();
        assertEquals(List.of("<from><auth>", "credential helper docker-credential-gcr",
                "settings.xml server '127.0.0.1:5000'", "Docker config ~/.docker/config.json"), names);
    }

    @Test
    void credHelperProgramAnswersThroughJibCore() throws Exception {
        // A real docker-credential helper: reads the registry on stdin for "get", answers JSON.
        Path helper = home.resolve("docker-credential-fita-test");
        Files.writeString(helper, String.join("\n",
                "#!/bin/sh",
                "read server",
                "if [ \"$1\" = get ] && [ \"$server\" = 127.0.0.1:5000 ]; then",
                "  printf '{\"ServerURL\":\"%s\",\"Username\":\"helper-user\",\"Secret\":\"helper-secret\"}' \"$server\"",
                "else",
                "  echo 'credentials not found in native keychain' >&2; exit 1",
                "fi", ""));
        assertTrue(helper.toFile().setExecutable(true));
        RegistryCredentials chain = new RegistryCredentials(null, "<to><auth>", helper.toString(),
                SettingsServers.none(), Map.of(), events::add);
        Credential credential = chain.retrieve(image("127.0.0.1:5000/app")).orElseThrow();
        assertEquals("helper-user", credential.getUsername());
        assertEquals("helper-secret", credential.getPassword());
        String logged = events.stream().map(LogEvent::getMessage).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(logged.contains("credential helper " + helper), logged);
        assertFalse(logged.contains("helper-secret"), logged);
        // A registry the helper does not know: the chain goes on (here to anonymous).
        assertTrue(chain.retrieve(image("127.0.0.1:5001/app")).isEmpty());
    }
}
