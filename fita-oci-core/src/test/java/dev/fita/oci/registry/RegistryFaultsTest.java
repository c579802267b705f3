package dev.fita.oci.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.Descriptor;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.registry.StandInRegistry.Fault;

/** Retries against injected faults: 503, 429 with Retry-After, dropped connections. */
class RegistryFaultsTest {

    /** Fast but otherwise real policy: the same code paths as the default, in milliseconds. */
    private static final RetryPolicy FAST = new RetryPolicy(12, Duration.ofMillis(10), Duration.ofMillis(80),
            Duration.ofMillis(20), Duration.ofSeconds(30));

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

    private RegistryClient client(RetryPolicy policy) {
        return builder(policy).build();
    }

    /**
     * The JDK server never answers a TLS hello, so the first (https) probe lasts the connect timeout
     * before the client falls back to http; keep it short.
     */
    static RegistryClient.Builder builder(RetryPolicy policy) {
        return RegistryClient.builder().allowInsecure(true).retryPolicy(policy)
                .timeouts(Duration.ofMillis(300), Duration.ofSeconds(10));
    }

    private ImageReference ref(String repoAndTag) {
        return ImageReference.parse(server.host() + "/" + repoAndTag);
    }

    @Test
    void flakyRegistryEndsWithTheSameIndexAsACleanPush() {
        TestLayouts.Layout layout = TestLayouts.twoPlatforms(tmp.resolve("l"), "flaky");
        Random random = new Random(42);
        AtomicInteger injected = new AtomicInteger();
        List<Fault> kinds = List.of(Fault.STATUS_503, Fault.STATUS_429, Fault.RESET, Fault.RESET_MID_BODY);
        server.faults((method, path) -> {
            synchronized (random) {
                if (random.nextInt(100) < 30) {
                    injected.incrementAndGet();
                    return kinds.get(random.nextInt(kinds.size()));
                }
                return Fault.NONE;
            }
        });
        PushResult flaky = new LayoutPusher(client(FAST)).push(layout.dir(), layout.root(), ref("fita/flaky:1"),
                List.of("latest"), null);
        assertTrue(injected.get() > 0, "faults were injected");
        assertEquals(layout.root().digest(), flaky.rootDigest());
        byte[] rootBytes = layout.source().readManifest(layout.root());
        assertArrayEquals(rootBytes, server.manifest("fita/flaky", "1"));
        assertArrayEquals(rootBytes, server.manifest("fita/flaky", "latest"));
        for (Descriptor blob : layout.blobs()) {
            assertTrue(server.hasBlob(blob.digest().toString()), blob.digest().toString());
        }

        server.faults((m, p) -> Fault.NONE);
        PushResult clean = new LayoutPusher(client(FAST)).push(layout.dir(), layout.root(), ref("fita/clean:1"),
                List.of(), null);
        assertEquals(clean.rootDigest(), flaky.rootDigest());
        assertArrayEquals(server.manifest("fita/clean", "1"), server.manifest("fita/flaky", "1"));
    }

    @Test
    void faultsThatNeverStopFailWithinTheBoundAndLeaveTheTagAbsent() {
        TestLayouts.Layout layout = TestLayouts.twoPlatforms(tmp.resolve("l"), "down");
        server.faults((method, path) -> path.contains("/blobs/") ? Fault.STATUS_503 : Fault.NONE);
        RetryPolicy bounded = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(20),
                Duration.ofSeconds(10));
        RegistryResponseException e = assertThrows(RegistryResponseException.class,
                () -> new LayoutPusher(client(bounded)).push(layout.dir(), layout.root(), ref("fita/down:1"),
                        List.of("latest"), null));
        assertTrue(e.getMessage().startsWith(server.host() + " kept answering 503"), e.getMessage());
        assertTrue(e.getMessage().contains("fita/down"), e.getMessage());
        assertTrue(e.getMessage().contains("gave up after 4 attempts"), e.getMessage());
        assertNull(server.manifest("fita/down", "1"));
        assertNull(server.manifest("fita/down", "latest"));
        assertEquals(0, server.count("PUT", "/manifests/"));
    }

    @Test
    void connectionsThatKeepDroppingMakeTheRegistryUnreachable() {
        server.faults((method, path) -> Fault.RESET);
        RetryPolicy bounded = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(20),
                Duration.ofSeconds(10));
        RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class,
                () -> client(bounded).repository(ref("fita/gone")).fetchManifest("1"));
        assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("fita/gone (fetching manifest 1)"), e.getMessage());
    }

    @Test
    void refusedConnectionsEndAsUnreachable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        RetryPolicy bounded = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(20),
                Duration.ofSeconds(10));
        ImageReference nowhere = ImageReference.parse("127.0.0.1:" + closedPort + "/fita/x:1");
        RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class,
                () -> client(bounded).repository(nowhere).fetchManifest("1"));
        assertTrue(e.getMessage().startsWith("127.0.0.1:" + closedPort + " refused the connection"), e.getMessage());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertTrue(e.getMessage().contains("gave up after 2 attempts"), e.getMessage());
    }

    @Test
    void totalTimeBoundStopsRetriesBeforeTheAttemptLimit() {
        server.faults((method, path) -> Fault.STATUS_429);
        // Retry-After 30 s capped to 300 ms, total bound 2 s: at most a few attempts, not 100.
        RetryPolicy bounded = new RetryPolicy(100, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(300),
                Duration.ofSeconds(2));
        RegistryResponseException e = assertThrows(RegistryResponseException.class,
                () -> client(bounded).repository(ref("fita/limited")).fetchManifest("1"));
        assertTrue(e.getMessage().contains("kept answering 429"), e.getMessage());
        assertTrue(e.getMessage().contains("TOOMANYREQUESTS"), e.getMessage());
        assertTrue(server.count("GET", "/manifests/") < 10, "attempts: " + server.count("GET", "/manifests/"));
    }

    @Test
    void rateLimitedManifestPutIsRetried() {
        AtomicInteger puts = new AtomicInteger();
        server.faults((method, path) -> method.equals("PUT") && path.contains("/manifests/") && puts.getAndIncrement() == 0
                ? Fault.STATUS_429 : Fault.NONE);
        byte[] bytes = "{\"schemaVersion\":2}".getBytes();
        client(FAST).repository(ref("fita/rate")).putManifest("1", MediaTypes.OCI_INDEX, bytes);
        assertArrayEquals(bytes, server.manifest("fita/rate", "1"));
        assertEquals(2, server.count("PUT", "/manifests/1"));
    }

    @Test
    void uploadFailingMidwayStartsANewSession() {
        AtomicInteger puts = new AtomicInteger();
        server.faults((method, path) -> method.equals("PUT") && path.contains("/blobs/uploads/")
                && puts.getAndIncrement() < 2 ? Fault.RESET : Fault.NONE);
        byte[] bytes = "some layer".getBytes();
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        client(FAST).repository(ref("fita/resumed")).pushBlob(d, BlobSource.of(bytes));
        assertTrue(server.hasBlob(d.digest().toString()));
        assertEquals(3, server.count("POST", "/blobs/uploads/"), "one new upload session per attempt");
    }

    @Test
    void chunkedUploadRetriesFromTheStart() {
        AtomicInteger patches = new AtomicInteger();
        server.faults((method, path) -> method.equals("PATCH") && patches.getAndIncrement() == 1 ? Fault.RESET : Fault.NONE);
        byte[] bytes = new byte[2500];
        new Random(1).nextBytes(bytes);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        RegistryClient chunky = builder(FAST).chunkSize(1000).build();
        chunky.repository(ref("fita/chunks")).pushBlob(d, BlobSource.of(bytes));
        assertTrue(server.hasBlob(d.digest().toString()));
        assertEquals(2, server.count("POST", "/blobs/uploads/"));
    }

    @Test
    void downloadCutMidBodyIsRetried() throws Exception {
        byte[] bytes = new byte[10_000];
        new Random(3).nextBytes(bytes);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        Repository repo = client(FAST).repository(ref("fita/cut"));
        repo.pushBlob(d, BlobSource.of(bytes));
        AtomicInteger gets = new AtomicInteger();
        server.faults((method, path) -> method.equals("GET") && path.contains("/blobs/") && gets.getAndIncrement() == 0
                ? Fault.RESET_MID_BODY : Fault.NONE);
        Path target = tmp.resolve("blob");
        repo.fetchBlob(d, target);
        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertEquals(2, server.count("GET", "/blobs/"));
    }
}
