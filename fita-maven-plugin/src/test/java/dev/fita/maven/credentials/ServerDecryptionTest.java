package dev.fita.maven.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.testing.RecordingLog;
import java.util.List;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

class ServerDecryptionTest {
    private static final String CIPHER = "{H81q3FhL2KsHYPlvMq7QkhUsClZRYuyBpBj4dmXbIEk=}";

    private static Server server(String password) {
        Server server = new Server();
        server.setId("registry.example.com");
        server.setUsername("fita");
        server.setPassword(password);
        return server;
    }

    /** A SettingsDecrypter that answers with a fixed server and problem list. */
    private static SettingsDecrypter answering(Server decrypted, List<SettingsProblem> problems) {
        return (SettingsDecryptionRequest request) -> new SettingsDecryptionResult() {
            @Override public Server getServer() { return decrypted; }
            @Override public List<Server> getServers() { return List.of(decrypted); }
            @Override public Proxy getProxy() { return null; }
            @Override public List<Proxy> getProxies() { return List.of(); }
            @Override public List<SettingsProblem> getProblems() { return problems; }
        };
    }

    @Test
    void returnsTheDecryptedServer() {
        RecordingLog log = new RecordingLog(true);
        Server decrypted = new ServerDecryption(answering(server("clear"), List.of()), log).apply(server(CIPHER));
        assertEquals("clear", decrypted.getPassword());
        assertEquals(List.of(), log.lines);
    }

    @Test
    void aPasswordThatCannotBeDecryptedFailsNamingTheServer() {
        SettingsProblem problem = new DefaultSettingsProblem("Failed to decrypt password for server registry.example.com",
                SettingsProblem.Severity.ERROR, "server: registry.example.com", -1, -1, null);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new ServerDecryption(answering(server(CIPHER), List.of(problem)), new RecordingLog(true))
                        .apply(server(CIPHER)));
        assertTrue(e.getMessage().startsWith("The password of settings.xml <server> 'registry.example.com' cannot be"
                + " decrypted"), e.getMessage());
        assertTrue(e.getMessage().contains("settings-security.xml"), e.getMessage());
        assertFalse(e.getMessage().contains(CIPHER), e.getMessage());
    }

    @Test
    void warningsAreLoggedAndTheServerStillUsed() {
        RecordingLog log = new RecordingLog(true);
        SettingsProblem warning = new DefaultSettingsProblem("deprecated cipher", SettingsProblem.Severity.WARNING,
                "server", -1, -1, null);
        Server decrypted = new ServerDecryption(answering(server("clear"), List.of(warning)), log).apply(server(CIPHER));
        assertEquals("clear", decrypted.getPassword());
        assertEquals(List.of("warn settings.xml server 'registry.example.com': deprecated cipher"), log.lines);
    }
}
