package dev.fita.maven.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fita.oci.registry.CredentialProvider;
import dev.fita.oci.registry.Credentials;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwoSidedCredentialsTest {
    private static final Credentials TO = new Credentials("pusher", "p1");
    private static final Credentials FROM = new Credentials("reader", "p2");

    @Test
    void targetRegistryAsksToThenFromOtherRegistriesAskFrom() {
        TwoSidedCredentials both = new TwoSidedCredentials("target.example.com",
                CredentialProvider.of("target.example.com", TO), registry -> Optional.of(FROM));
        assertEquals(Optional.of(TO), both.forRegistry("target.example.com"));
        assertEquals(Optional.of(FROM), both.forRegistry("source.example.com"));
    }

    @Test
    void onTheTargetRegistryFromFillsInWhenToHasNothing() {
        TwoSidedCredentials both = new TwoSidedCredentials("shared.example.com", CredentialProvider.anonymous(),
                CredentialProvider.of("shared.example.com", FROM));
        assertEquals(Optional.of(FROM), both.forRegistry("shared.example.com"));
        assertEquals(Optional.empty(), new TwoSidedCredentials("a", CredentialProvider.anonymous(),
                CredentialProvider.anonymous()).forRegistry("a"));
    }
}
