package dev.fita.maven.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fita.oci.registry.Credentials;
import dev.fita.oci.testing.IsolatedUserHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(IsolatedUserHome.class)
class PushCredentialsTest {

    @Test
    void answersPerRegistryFromTheChainAndDecryptsOnce() {
        Server server = new Server();
        server.setId("127.0.0.1");
        server.setUsername("alice");
        server.setPassword("{encrypted}");
        AtomicInteger decryptions = new AtomicInteger();
        SettingsServers servers = new SettingsServers(List.of(server), s -> {
            decryptions.incrementAndGet();
            Server clear = s.clone();
            clear.setPassword("clear");
            return clear;
        });
        PushCredentials provider = new PushCredentials(
                new RegistryCredentials(null, "<to><auth>", null, servers, e -> { }));
        assertEquals(Optional.of(new Credentials("alice", "clear")), provider.forRegistry("127.0.0.1:5000"));
        assertEquals(Optional.of(new Credentials("alice", "clear")), provider.forRegistry("127.0.0.1:5000"));
        assertEquals(1, decryptions.get());
        assertEquals(Optional.empty(), provider.forRegistry("registry.example.com"));
    }
}
