package dev.fita.oci.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.MediaTypes;
import dev.fita.oci.content.CopyOptions;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.content.ReadableStorage;
import dev.fita.oci.testing.HookedStorage;
import dev.fita.oci.testing.RegistryProxy;
import dev.fita.oci.testing.RegistryProxy.Seen;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestImages.MultiPlatformImage;
import dev.fita.oci.testing.TestRegistry;
import dev.fita.oci.testing.TokenServer;

/**
 * The real Distribution in {@code auth: token} mode, with tokens from the harness's {@link TokenServer}
 * (RS256 JWTs it trusts): a push that lasts longer than a token, a mount that needs one token for two
 * repositories, and tokens in {@code access_token}. A proxy in front counts what the registry answered.
 */
class RegistryTokenTest {

    private static final String USER = "ci-robot";
    private static final String PASSWORD = "token-password-never-shown";

    @TempDir
    static Path dir;

    private static TokenServer tokens;
    private static TestRegistry registry;
    private static MultiPlatformImage image;

    @BeforeAll
    static void start() {
        tokens = TokenServer.start(dir.resolve("tokens"), USER, PASSWORD);
        registry = TestRegistry.builder().tokenAuth(tokens).start();
        image = TestImages.writeMultiPlatform(dir.resolve("image"), "1");
    }

    @AfterAll
    static void stop() {
        registry.close();
        tokens.close();
    }

    private static RegistryClient client(List<String> debug) {
        return RegistryClient.builder().allowInsecure(true).debugLog(debug::add)
                .credentials(r -> Optional.of(new Credentials(USER, PASSWORD))).build();
    }

    @Test
    void aPushLongerThanTheTokenLifetimeRenewsItOncePer401() {
        // Tokens last 2 s but claim 60 s, as with a skewed clock: the client holds them until a 401 says otherwise.
        tokens.lifetime(Duration.ofSeconds(2), Duration.ofSeconds(60));
        try (RegistryProxy proxy = RegistryProxy.start(registry.host())) {
            int before = tokens.issued();
            List<String> debug = new CopyOnWriteArrayList<>();
            ImageReference target = ImageReference.parse(proxy.host() + "/fita/long:1");
            // One blob at a time, each taking 0.7 s to read: the push lasts about four tokens' lifetimes.
            CopyResult r = new GraphCopy(CopyOptions.DEFAULT.withConcurrency(1)).copy(slow(image.layout(), 700),
                    image.index(), client(debug).target(target), target.tagsWith(List.of("latest")), null);
            assertEquals(image.index(), r.root());
            List<Seen> refused = proxy.seen().stream().filter(s -> s.status() == 401 && !s.path().equals("/v2/")).toList();
            int renewed = tokens.issued() - before - 1;
            assertTrue(renewed >= 2, "tokens expired during the push: " + renewed + " renewals");
            assertEquals(refused.size(), renewed, "one new token per 401, no more");
            // After each 401 the same request went again, and got through.
            List<Seen> all = proxy.seen();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).status() == 401 && !all.get(i).path().equals("/v2/")) {
                    Seen retried = all.get(i + 1);
                    assertEquals(all.get(i).method() + " " + all.get(i).path(), retried.method() + " " + retried.path());
                    // Accepted: a 2xx, or the 404 of a HEAD asking for a blob not yet uploaded.
                    boolean answered = retried.status() / 100 == 2
                            || (retried.status() == 404 && retried.method().equals("HEAD"));
                    assertTrue(answered, "the renewed token worked: " + retried);
                }
            }
            assertNoSecrets(String.join("\n", debug));
        } finally {
            tokens.lifetime(Duration.ofMinutes(5), Duration.ofMinutes(5));
        }
        Repository pulled = client(new ArrayList<>()).repository(ImageReference.parse(registry.host() + "/fita/long"));
        assertEquals(image.index().digest(), pulled.manifests().fetch("latest").digest());
    }

    @Test
    void aMountAsksOneTokenForBothRepositories() {
        RegistryClient client = client(new ArrayList<>());
        ImageReference base = ImageReference.parse(registry.host() + "/library/base:1");
        new GraphCopy().copy(image.layout(), image.index(), client.target(base), base.tagsWith(List.of()), null);
        ImageReference app = ImageReference.parse(registry.host() + "/team/app:1");
        CopyResult r = new GraphCopy(CopyOptions.DEFAULT.withMountFrom(List.of("library/base")))
                .copy(image.layout(), image.index(), client.target(app), app.tagsWith(List.of()), null);
        assertEquals(6, r.blobsMounted(), "every blob mounted: " + r);
        assertEquals(0, r.blobsCopied());
        assertTrue(tokens.asked().stream().anyMatch(a -> a.granted()
                && a.scopes().equals(List.of("repository:library/base:pull", "repository:team/app:pull,push"))),
                "one token request with both scopes: " + tokens.asked());
    }

    @Test
    void tokensInAccessTokenWork() {
        tokens.field("access_token");
        try {
            ImageReference target = ImageReference.parse(registry.host() + "/fita/oauth:1");
            CopyResult r = new GraphCopy().copy(image.layout(), image.index(), client(new ArrayList<>()).target(target),
                    target.tagsWith(List.of()), null);
            assertEquals(image.index(), r.root());
        } finally {
            tokens.field("token");
        }
    }

    @Test
    void aWrongPasswordIsRefusedByTheTokenServerAndNeverShown() {
        RegistryClient wrong = RegistryClient.builder().allowInsecure(true)
                .credentials(r -> Optional.of(new Credentials(USER, "wrong-" + PASSWORD))).build();
        RegistryAuthenticationException e = assertThrows(RegistryAuthenticationException.class,
                () -> wrong.target(ImageReference.parse(registry.host() + "/fita/denied")).manifests()
                        .put("1", MediaTypes.OCI_INDEX, "{}".getBytes()));
        assertTrue(e.getMessage().startsWith(registry.host() + " rejected the credentials for fita/denied (push)"),
                e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    private static void assertNoSecrets(String text) {
        assertFalse(text.contains(PASSWORD), text);
        assertFalse(text.contains("Bearer ") || text.contains("eyJ"), "no token in the debug log: " + text);
    }

    /** The layout, with each blob's stream pausing {@code millis} before its first byte: a slow upload. */
    private static ReadableStorage slow(ReadableStorage layout, long millis) {
        return new HookedStorage(layout, (d, in) -> new FilterInputStream(in) {
            private boolean waited;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (!waited) {
                    waited = true;
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
                return super.read(b, off, len);
            }
        });
    }
}
