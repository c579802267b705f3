package dev.fita.oci.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.testing.TestRegistry;

/** htpasswd basic auth over TLS with a self-signed certificate, against a real registry. */
class RegistryAuthTlsTest {

    private static final String USER = "fita";
    private static final String PASSWORD = "Pa55-w0rd-that-must-not-leak";
    private static final String WRONG = "wrong-Pa55-that-must-not-leak";

    private static TestRegistry registry;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        registry = TestRegistry.builder().tls(true).htpasswd(USER, PASSWORD).start();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private ImageReference ref(String repoAndTag) {
        return ImageReference.parse(registry.host() + "/" + repoAndTag);
    }

    private static RegistryClient.Builder insecure(String password) {
        return RegistryClient.builder().allowInsecure(true).retryPolicy(RetryPolicy.NONE)
                .credentials(registry -> java.util.Optional.of(new Credentials(USER, password)));
    }

    @Test
    void rightPasswordPushesWithInsecureTls() {
        TestLayouts.Layout layout = TestLayouts.twoPlatforms(tmp.resolve("l"), "auth-ok");
        try (LogCapture logs = new LogCapture()) {
            PushResult r = new LayoutPusher(insecure(PASSWORD).build()).push(layout.dir(), layout.root(),
                    ref("fita/secure:1"), List.of("latest"), null);
            assertEquals(layout.root().digest(), r.rootDigest());
            assertFalse(logs.lines().isEmpty(), "the client logs its requests at FINE");
            assertNoSecret(String.join("\n", logs.lines()));
        }
    }

    @Test
    void rightPasswordWithTrustedCertificateNeedsNoInsecure() {
        TestLayouts.Layout layout = TestLayouts.twoPlatforms(tmp.resolve("l"), "auth-trusted");
        RegistryClient client = RegistryClient.builder()
                .trustCertificate(registry.certificatePath().orElseThrow())
                .credentials(CredentialProvider.of(registry.host(), new Credentials(USER, PASSWORD)))
                .build();
        PushResult r = new LayoutPusher(client).push(layout.dir(), layout.root(), ref("fita/trusted:1"), List.of(), null);
        assertEquals(layout.root().digest(),
                client.repository(ref("fita/trusted")).fetchManifest("1").digest());
        assertEquals(4, r.blobsUploaded() + r.blobsMounted());
    }

    @Test
    void wrongPasswordIsRejectedWithoutLeakingIt() {
        TestLayouts.Layout layout = TestLayouts.twoPlatforms(tmp.resolve("l"), "auth-wrong");
        try (LogCapture logs = new LogCapture()) {
            RegistryAuthenticationException e = assertThrows(RegistryAuthenticationException.class,
                    () -> new LayoutPusher(insecure(WRONG).build()).push(layout.dir(), layout.root(),
                            ref("fita/secure:wrong"), List.of(), null));
            assertTrue(e.getMessage().startsWith(registry.host() + " rejected the credentials for fita/secure (push): "),
                    e.getMessage());
            // The first call of a push is a HEAD, whose 401 has no body to carry the registry's error code.
            assertTrue(e.getMessage().contains("UNAUTHORIZED") || e.getMessage().contains("401"), e.getMessage());
            assertNoSecret(e.getMessage());
            assertNoSecret(String.join("\n", logs.lines()));
        }
        RegistryClient right = insecure(PASSWORD).build();
        assertTrue(right.repository(ref("fita/secure")).headManifest("wrong").isEmpty(), "nothing was tagged");
    }

    @Test
    void missingCredentialsSaySo() {
        RegistryClient anonymous = RegistryClient.builder().allowInsecure(true).retryPolicy(RetryPolicy.NONE).build();
        RegistryAuthenticationException e = assertThrows(RegistryAuthenticationException.class,
                () -> anonymous.repository(ref("fita/secure")).fetchManifest("1"));
        assertTrue(e.getMessage().contains("requires credentials for fita/secure (pull) and none were configured"),
                e.getMessage());
        assertTrue(e.getMessage().contains("UNAUTHORIZED authentication required"), e.getMessage());
    }

    @Test
    void untrustedCertificateNamesTheOption() {
        RegistryClient strict = RegistryClient.builder().retryPolicy(RetryPolicy.NONE)
                .credentials(CredentialProvider.of(registry.host(), new Credentials(USER, PASSWORD))).build();
        RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class,
                () -> strict.repository(ref("fita/secure")).headManifest("1"));
        assertTrue(e.getMessage().contains("allowInsecureRegistries"), e.getMessage());
        assertTrue(e.getMessage().contains(registry.host()), e.getMessage());
        assertNoSecret(e.getMessage());
    }

    @Test
    void credentialsToStringHidesPassword() {
        assertNoSecret(new Credentials(USER, PASSWORD).toString());
        assertTrue(new Credentials(USER, PASSWORD).toString().contains(USER));
    }

    static void assertNoSecret(String text) {
        for (String secret : List.of(PASSWORD, WRONG, b64(PASSWORD), b64(WRONG))) {
            assertFalse(text.contains(secret), "secret leaked into: " + text);
        }
    }

    private static String b64(String password) {
        return Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
