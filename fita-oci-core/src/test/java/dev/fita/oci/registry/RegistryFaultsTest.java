package dev.fita.oci.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
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
import dev.fita.oci.content.BlobSource;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.registry.StandInRegistry.Fault;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestImages.SmallImage;

/** Retries against injected faults: 503, 429 with Retry-After, dropped connections. */
class RegistryFaultsTest {

    /** Fast but otherwise real policy: the same code paths as the default, in milliseconds. */
    private static final BackoffPolicy FAST = new BackoffPolicy(12, Duration.ofMillis(10), Duration.ofMillis(80),
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

    private static CopyResult push(RegistryClient client, SmallImage image, ImageReference target, List<String> tags) {
        return new GraphCopy().copy(image.layout(), image.root(), client.target(target), target.tagsWith(tags), null);
    }

    private ImageReference ref(String repoAndTag) {
        return ImageReference.parse(server.host() + "/" + repoAndTag);
    }

    @Test
    void flakyRegistryEndsWithTheSameIndexAsACleanPush() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "flaky");
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
        CopyResult flaky = push(client(FAST), image, ref("fita/flaky:1"), List.of("latest"));
        assertTrue(injected.get() > 0, "faults were injected");
        assertEquals(image.root(), flaky.root());
        byte[] rootBytes = image.rootBytes();
        assertArrayEquals(rootBytes, server.manifest("fita/flaky", "1"));
        assertArrayEquals(rootBytes, server.manifest("fita/flaky", "latest"));
        for (Descriptor blob : image.blobs()) {
            assertTrue(server.hasBlob(blob.digest().toString()), blob.digest().toString());
        }

        server.faults((m, p) -> Fault.NONE);
        CopyResult clean = push(client(FAST), image, ref("fita/clean:1"), List.of());
        assertEquals(clean.root(), flaky.root());
        assertArrayEquals(server.manifest("fita/clean", "1"), server.manifest("fita/flaky", "1"));
    }

    @Test
    void faultsThatNeverStopFailWithinTheBoundAndLeaveTheTagAbsent() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "down");
        server.faults((method, path) -> path.contains("/blobs/") ? Fault.STATUS_503 : Fault.NONE);
        RetryPolicy bounded = new BackoffPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(20),
                Duration.ofSeconds(10));
        RegistryResponseException e = assertThrows(RegistryResponseException.class,
                () -> push(client(bounded), image, ref("fita/down:1"), List.of("latest")));
        assertTrue(e.getMessage().startsWith(server.host() + " kept answering 503"), e.getMessage());
        assertEquals(503, e.status());
        assertEquals("HEAD", e.method(), "the blob checks come first");
        assertTrue(e.url().contains("/v2/fita/down/blobs/sha256:"), e.url());
        assertTrue(e.getMessage().contains("fita/down"), e.getMessage());
        assertTrue(e.getMessage().contains("gave up after 4 attempts"), e.getMessage());
        assertNull(server.manifest("fita/down", "1"));
        assertNull(server.manifest("fita/down", "latest"));
        assertEquals(0, server.count("PUT", "/manifests/"));
    }

    @Test
    void connectionsThatKeepDroppingMakeTheRegistryUnreachable() {
        server.faults((method, path) -> Fault.RESET);
        RetryPolicy bounded = new BackoffPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(20),
                Duration.ofSeconds(10));
        RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class,
                () -> client(bounded).repository(ref("fita/gone")).manifests().fetch("1"));
        assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("fita/gone (fetching manifest 1)"), e.getMessage());
        assertEquals(0, e.status(), "no answer came");
        assertEquals("GET", e.method());
    }

    @Test
    void refusedConnectionsEndAsUnreachable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        RetryPolicy bounded = new BackoffPolicy(2, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(20),
                Duration.ofSeconds(10));
        ImageReference nowhere = ImageReference.parse("127.0.0.1:" + closedPort + "/fita/x:1");
        RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class,
                () -> client(bounded).repository(nowhere).manifests().fetch("1"));
        assertTrue(e.getMessage().startsWith("127.0.0.1:" + closedPort + " refused the connection"), e.getMessage());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertTrue(e.getMessage().contains("gave up after 2 attempts"), e.getMessage());
    }

    @Test
    void totalTimeBoundStopsRetriesBeforeTheAttemptLimit() {
        server.faults((method, path) -> Fault.STATUS_429);
        // Retry-After 30 s capped to 300 ms, total bound 2 s: at most a few attempts, not 100.
        RetryPolicy bounded = new BackoffPolicy(100, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(300),
                Duration.ofSeconds(2));
        RegistryResponseException e = assertThrows(RegistryResponseException.class,
                () -> client(bounded).repository(ref("fita/limited")).manifests().fetch("1"));
        assertTrue(e.getMessage().contains("kept answering 429"), e.getMessage());
        assertEquals(List.of(ErrorCode.TOOMANYREQUESTS), e.codes());
        assertTrue(server.count("GET", "/manifests/") < 10, "attempts: " + server.count("GET", "/manifests/"));
    }

    @Test
    void rateLimitedManifestPutIsRetried() {
        AtomicInteger puts = new AtomicInteger();
        server.faults((method, path) -> method.equals("PUT") && path.contains("/manifests/") && puts.getAndIncrement() == 0
                ? Fault.STATUS_429 : Fault.NONE);
        byte[] bytes = "{\"schemaVersion\":2}".getBytes();
        List<String> debug = new java.util.concurrent.CopyOnWriteArrayList<>();
        builder(FAST).debugLog(debug::add).build().target(ref("fita/rate")).manifests().put("1", MediaTypes.OCI_INDEX, bytes);
        assertArrayEquals(bytes, server.manifest("fita/rate", "1"));
        assertEquals(2, server.count("PUT", "/manifests/1"));
        String put = "PUT http://" + server.host() + "/v2/fita/rate/manifests/1";
        List<String> lines = debug.stream().filter(l -> l.contains("fita/rate")).toList();
        assertEquals(3, lines.size(), String.join("\n", debug));
        assertEquals(put + " -> 429", lines.get(0));
        assertTrue(lines.get(1).matches("retrying " + java.util.regex.Pattern.quote(server.host()
                + " for fita/rate (pushing manifest 1)") + " in \\d+ ms \\(attempt 1 failed: kept answering 429 "
                + "\\(TOOMANYREQUESTS injected rate limit\\)\\)"), lines.get(1));
        assertEquals(put + " -> 201", lines.get(2));
    }

    @Test
    void uploadFailingMidwayStartsANewSession() {
        AtomicInteger puts = new AtomicInteger();
        server.faults((method, path) -> method.equals("PUT") && path.contains("/blobs/uploads/")
                && puts.getAndIncrement() < 2 ? Fault.RESET : Fault.NONE);
        byte[] bytes = "some layer".getBytes();
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        client(FAST).target(ref("fita/resumed")).push(d, BlobSource.of(bytes));
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
        chunky.target(ref("fita/chunks")).push(d, BlobSource.of(bytes));
        assertTrue(server.hasBlob(d.digest().toString()));
        assertEquals(2, server.count("POST", "/blobs/uploads/"));
    }

    @Test
    void downloadCutMidBodyIsRetried() throws Exception {
        byte[] bytes = new byte[10_000];
        new Random(3).nextBytes(bytes);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        Repository repo = client(FAST).target(ref("fita/cut"));
        repo.push(d, BlobSource.of(bytes));
        AtomicInteger gets = new AtomicInteger();
        server.faults((method, path) -> method.equals("GET") && path.contains("/blobs/") && gets.getAndIncrement() == 0
                ? Fault.RESET_MID_BODY : Fault.NONE);
        try (InputStream in = repo.fetch(d)) {
            assertArrayEquals(bytes, in.readAllBytes(), "the download resumed where it broke off");
        }
        assertEquals(2, server.count("GET", "/blobs/"));
        String range = server.seen.stream().filter(s -> s.method().equals("GET") && s.path().contains("/blobs/"))
                .reduce((a, b) -> b).orElseThrow().range();
        assertTrue(range != null && range.matches("bytes=[1-9][0-9]*-"), "the second GET asks for the rest only: " + range);
    }
}
