package dev.fita.oci.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestImages.SmallImage;
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

    private static CopyResult push(RegistryClient client, SmallImage image, ImageReference target, List<String> tags) {
        return new GraphCopy().copy(image.layout(), image.root(), client.target(target), target.tagsWith(tags), null);
    }

    private static RegistryClient.Builder insecure(String password) {
        return RegistryClient.builder().allowInsecure(true).retryPolicy(RetryPolicy.NONE)
                .credentials(registry -> java.util.Optional.of(new Credentials(USER, password)));
    }

    @Test
    void rightPasswordPushesWithInsecureTls() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "auth-ok");
        List<String> debug = new CopyOnWriteArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            CopyResult r = push(insecure(PASSWORD).build(), image, ref("fita/secure:1"), List.of("latest"));
            assertEquals(image.root(), r.root());
            assertFalse(logs.lines().isEmpty(), "by default the client logs its requests at FINE");
            assertNoSecret(String.join("\n", logs.lines()));
        }
        push(insecure(PASSWORD).debugLog(debug::add).build(), image, ref("fita/secure:2"), List.of());
        String lines = String.join("\n", debug);
        // One line per request: method, URL without query, status; the upload URL's state never shows.
        assertTrue(debug.contains("GET https://" + registry.host() + "/v2/ -> 401"), lines);
        assertTrue(debug.contains("HEAD https://" + registry.host() + "/v2/fita/secure/manifests/" + image.root().digest()
                + " -> 200"), lines);
        assertTrue(debug.contains("PUT https://" + registry.host() + "/v2/fita/secure/manifests/2 -> 201"), lines);
        assertFalse(lines.contains("?"), "no query string is logged: " + lines);
        assertFalse(lines.contains("Authorization") || lines.contains("Basic"), lines);
        assertNoSecret(lines);
    }

    @Test
    void rightPasswordWithTrustedCertificateNeedsNoInsecure() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "auth-trusted");
        RegistryClient client = RegistryClient.builder()
                .trustCertificate(registry.certificatePath().orElseThrow())
                .credentials(CredentialProvider.of(registry.host(), new Credentials(USER, PASSWORD)))
                .build();
        CopyResult r = push(client, image, ref("fita/trusted:1"), List.of());
        assertEquals(image.root().digest(), client.repository(ref("fita/trusted")).manifests().fetch("1").digest());
        assertEquals(4, r.blobsCopied());
    }

    @Test
    void wrongPasswordIsRejectedWithoutLeakingIt() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "auth-wrong");
        try (LogCapture logs = new LogCapture()) {
            RegistryAuthenticationException e = assertThrows(RegistryAuthenticationException.class,
                    () -> push(insecure(WRONG).build(), image, ref("fita/secure:wrong"), List.of()));
            assertTrue(e.getMessage().startsWith(registry.host() + " rejected the credentials for fita/secure (push): "),
                    e.getMessage());
            // The first call of a push is a HEAD, whose 401 has no body to carry the registry's error code.
            assertEquals(401, e.status());
            assertEquals("HEAD", e.method());
            assertNoSecret(e.getMessage());
            assertNoSecret(String.join("\n", logs.lines()));
        }
        RegistryClient right = insecure(PASSWORD).build();
        assertTrue(right.repository(ref("fita/secure")).resolve("wrong").isEmpty(), "nothing was tagged");
    }

    @Test
    void missingCredentialsSaySo() {
        RegistryClient anonymous = RegistryClient.builder().allowInsecure(true).retryPolicy(RetryPolicy.NONE).build();
        RegistryAuthenticationException e = assertThrows(RegistryAuthenticationException.class,
                () -> anonymous.repository(ref("fita/secure")).manifests().fetch("1"));
        assertTrue(e.getMessage().contains("requires credentials for fita/secure (pull) and none were configured"),
                e.getMessage());
        assertEquals(List.of(ErrorCode.UNAUTHORIZED), e.codes());
    }

    @Test
    void untrustedCertificateNamesTheOption() {
        RegistryClient strict = RegistryClient.builder().retryPolicy(RetryPolicy.NONE)
                .credentials(CredentialProvider.of(registry.host(), new Credentials(USER, PASSWORD))).build();
        RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class,
                () -> strict.repository(ref("fita/secure")).resolve("1"));
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
