package dev.fita.oci.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.Descriptor;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.content.BlobSource;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestImages.SmallImage;

/** The bearer-token flow and redirects to another host, against the stand-in server. */
class RegistryBearerRedirectTest {

    private static final BackoffPolicy FAST = new BackoffPolicy(Duration.ofSeconds(2), Duration.ofMillis(10),
            Duration.ofMillis(40));

    private StandInRegistry server;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        server = new StandInRegistry();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RegistryClient client(String password) {
        return RegistryFaultsTest.builder(FAST)
                .credentials(r -> Optional.of(new Credentials(StandInRegistry.USER, password)))
                .build();
    }

    private ImageReference ref(String repoAndTag) {
        return ImageReference.parse(server.host() + "/" + repoAndTag);
    }

    @Test
    void pushesAndPullsWithBearerTokensPerScope() {
        server.bearer(true);
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "bearer");
        RegistryClient client = client(StandInRegistry.PASSWORD);
        try (LogCapture logs = new LogCapture()) {
            ImageReference target = ref("fita/tok:1");
            CopyResult r = new GraphCopy().copy(image.layout(), image.root(), client.target(target),
                    target.tagsWith(List.of("latest")), null);
            assertEquals(image.root(), r.root());
            assertEquals(image.root().digest(), client.repository(ref("fita/tok")).manifests().fetch("latest").digest());
            // One token for pull,push (the whole push) and one for pull (the read back): cached per scope set.
            assertEquals(2, server.tokensIssued.get());
            for (StandInRegistry.Seen s : server.seen) {
                if (s.path().startsWith("/v2/fita/tok/")) {
                    assertTrue(s.authorization() != null && s.authorization().startsWith("Bearer "), s.toString());
                }
            }
            assertNoSecrets(String.join("\n", logs.lines()), StandInRegistry.PASSWORD);
        }
        assertArrayEquals(image.rootBytes(), server.manifest("fita/tok", "1"));
    }

    @Test
    void refreshesTheTokenOnceOnA401() {
        server.bearer(true);
        RegistryClient client = client(StandInRegistry.PASSWORD);
        byte[] bytes = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
        client.target(ref("fita/refresh")).manifests().put("1", MediaTypes.OCI_INDEX, bytes);
        client.repository(ref("fita/refresh")).manifests().fetch("1");
        int before = server.tokensIssued.get();
        server.expireTokens(1);
        assertEquals(dev.fita.oci.Digest.sha256(bytes), client.repository(ref("fita/refresh")).manifests().fetch("1").digest());
        assertEquals(before + 1, server.tokensIssued.get(), "exactly one new token");
    }

    @Test
    void wrongPasswordAtTheTokenServiceNeverShowsTheSecret() {
        server.bearer(true).echoAuthorization(true);
        String wrong = "wrong-" + StandInRegistry.PASSWORD.hashCode();
        RegistryClient client = client(wrong);
        try (LogCapture logs = new LogCapture()) {
            RegistryAuthenticationException e = assertThrows(RegistryAuthenticationException.class,
                    () -> client.target(ref("fita/tok")).manifests().put("1", MediaTypes.OCI_INDEX, "{}".getBytes()));
            assertTrue(e.getMessage().startsWith(server.host() + " rejected the credentials for fita/tok (push): "
                    + "UNAUTHORIZED bad credentials"), e.getMessage());
            assertEquals(List.of(ErrorCode.UNAUTHORIZED), e.codes());
            assertEquals(401, e.status());
            // The token service echoed the Basic value of the password that was sent: it must be gone.
            assertTrue(e.getMessage().contains("(you sent Basic ****)"), e.getMessage());
            assertNoSecrets(e.getMessage(), wrong);
            assertNoSecrets(String.join("\n", logs.lines()), wrong);
        }
        assertNull(server.manifest("fita/tok", "1"));
    }

    @Test
    void aTokenRefusedTwiceFailsWithoutShowingIt() {
        server.bearer(true).echoAuthorization(true);
        RegistryClient client = client(StandInRegistry.PASSWORD);
        byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
        client.target(ref("fita/refused")).manifests().put("1", MediaTypes.OCI_INDEX, bytes);
        server.expireTokens(2);
        try (LogCapture logs = new LogCapture()) {
            RegistryAuthenticationException e = assertThrows(RegistryAuthenticationException.class,
                    () -> client.target(ref("fita/refused")).manifests().put("2", MediaTypes.OCI_INDEX, bytes));
            assertTrue(e.getMessage().contains("rejected the credentials for fita/refused (push): UNAUTHORIZED"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("you sent Bearer ****"), "the echo was scrubbed: " + e.getMessage());
            assertNoSecrets(e.getMessage(), StandInRegistry.PASSWORD);
            assertNoSecrets(String.join("\n", logs.lines()), StandInRegistry.PASSWORD);
        }
        assertNull(server.manifest("fita/refused", "2"));
    }

    @Test
    void followsBlobRedirectsWithoutForwardingAuthorization() throws Exception {
        server.bearer(true).redirectBlobs(true);
        RegistryClient client = client(StandInRegistry.PASSWORD);
        byte[] bytes = "layer served from object storage".getBytes(StandardCharsets.UTF_8);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        client.target(ref("fita/redirected")).push(d, BlobSource.of(bytes));
        try (InputStream in = client.repository(ref("fita/redirected")).fetch(d)) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        assertEquals(1, server.seenByStorage.size(), "the download went to the other host");
        assertNull(server.seenByStorage.get(0).authorization(), "no Authorization forwarded to another host");
        assertTrue(server.seen.stream().anyMatch(s -> s.method().equals("GET") && s.path().contains("/blobs/")
                && s.authorization() != null && s.authorization().startsWith("Bearer ")));
    }

    /** Neither the password that was sent, nor its Basic value, nor any bearer token the stand-in issued. */
    private void assertNoSecrets(String text, String sentPassword) {
        String basic = Base64.getEncoder().encodeToString(
                (StandInRegistry.USER + ":" + sentPassword).getBytes(StandardCharsets.UTF_8));
        assertFalse(text.contains(sentPassword), text);
        assertFalse(text.contains(basic), text);
        for (String token : server.issuedTokens()) {
            assertFalse(text.contains(token), "a bearer token leaked: " + text);
        }
    }
}
