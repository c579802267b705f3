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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

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

/**
 * Retries per request against injected faults (503, 429 with Retry-After, dropped connections), the
 * time budget, and uploads that break off: resumed where the registry stands, or restarted.
 */
class RegistryFaultsTest {

    /** Fast but otherwise real policy: the same code paths as the default, in milliseconds. */
    static final BackoffPolicy FAST = new BackoffPolicy(Duration.ofSeconds(10), Duration.ofMillis(10), Duration.ofMillis(80));

    static final long MIB = 1024 * 1024;

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

    static byte[] random(long size, long seed) {
        byte[] bytes = new byte[(int) size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void flakyRegistryEndsWithTheSameIndexAsACleanPush() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "flaky");
        Random random = new Random(42);
        AtomicInteger injected = new AtomicInteger();
        List<Fault> kinds = List.of(Fault.STATUS_503, Fault.STATUS_429, Fault.RESET, Fault.RESET_MID_BODY);
        server.retryAfter("0").faults((method, path) -> {
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
    void faultsThatNeverStopFailWithinTheBudgetAndLeaveTheTagAbsent() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("l"), "down");
        server.faults((method, path) -> path.contains("/blobs/") ? Fault.STATUS_503 : Fault.NONE);
        RetryPolicy bounded = new BackoffPolicy(Duration.ofMillis(300), Duration.ofMillis(10), Duration.ofMillis(40));
        RegistryResponseException e = assertThrows(RegistryResponseException.class,
                () -> push(client(bounded), image, ref("fita/down:1"), List.of("latest")));
        assertTrue(e.getMessage().startsWith(server.host() + " kept answering 503"), e.getMessage());
        assertEquals(503, e.status());
        assertEquals("HEAD", e.method(), "the blob checks come first");
        assertTrue(e.url().contains("/v2/fita/down/blobs/sha256:"), e.url());
        assertTrue(e.getMessage().contains("fita/down"), e.getMessage());
        assertTrue(Pattern.compile("gave up after \\d+ attempts in 0\\.[0-3] s\\.$").matcher(e.getMessage()).find(),
                e.getMessage());
        assertNull(server.manifest("fita/down", "1"));
        assertNull(server.manifest("fita/down", "latest"));
        assertEquals(0, server.count("PUT", "/manifests/"));
    }

    @Test
    void connectionsThatKeepDroppingMakeTheRegistryUnreachable() {
        server.faults((method, path) -> Fault.RESET);
        RetryPolicy bounded = new BackoffPolicy(Duration.ofMillis(200), Duration.ofMillis(10), Duration.ofMillis(40));
        RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class,
                () -> client(bounded).repository(ref("fita/gone")).manifests().fetch("1"));
        assertTrue(e.getMessage().matches(Pattern.quote(server.host()) + " failed with .* for fita/gone"
                + " \\(fetching manifest 1\\); gave up after \\d+ attempts in 0\\.\\d s\\."), e.getMessage());
        assertEquals(0, e.status(), "no answer came");
        assertEquals("GET", e.method());
    }

    @Test
    void refusedConnectionsEndAsUnreachable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        RetryPolicy bounded = new BackoffPolicy(Duration.ofMillis(100), Duration.ofMillis(10), Duration.ofMillis(40));
        ImageReference nowhere = ImageReference.parse("127.0.0.1:" + closedPort + "/fita/x:1");
        RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class,
                () -> client(bounded).repository(nowhere).manifests().fetch("1"));
        assertTrue(e.getMessage().startsWith("127.0.0.1:" + closedPort + " refused the connection"), e.getMessage());
        assertTrue(e.getMessage().contains("gave up after"), e.getMessage());
    }

    @Test
    void aRetryAfterLongerThanTheBudgetGivesUpAtOnce() {
        server.retryAfter("30").faults((method, path) -> Fault.STATUS_429);
        RegistryResponseException e = assertThrows(RegistryResponseException.class,
                () -> client(FAST).repository(ref("fita/limited")).manifests().fetch("1"));
        assertEquals(server.host() + " answered 429 (TOOMANYREQUESTS injected rate limit) (asked to wait 30.0 s)"
                + " for fita/limited (fetching manifest 1); gave up after 1 attempt in 0.0 s.", e.getMessage());
        assertEquals(List.of(ErrorCode.TOOMANYREQUESTS), e.codes());
        assertEquals(1, server.count("GET", "/manifests/"), "no second request");
    }

    @Test
    void retryAfterIsHonouredAndEachDecisionIsADebugLine() {
        AtomicInteger puts = new AtomicInteger();
        server.faults((method, path) -> method.equals("PUT") && path.contains("/manifests/") && puts.getAndIncrement() == 0
                ? Fault.STATUS_429 : Fault.NONE);
        byte[] bytes = "{\"schemaVersion\":2}".getBytes();
        List<String> debug = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        builder(FAST).debugLog(debug::add).build().target(ref("fita/rate")).manifests().put("1", MediaTypes.OCI_INDEX, bytes);
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited >= 1000, "Retry-After: 1 was honoured, not the 10 ms backoff: " + waited + " ms");
        assertArrayEquals(bytes, server.manifest("fita/rate", "1"));
        assertEquals(2, server.count("PUT", "/manifests/1"));
        String put = "PUT http://" + server.host() + "/v2/fita/rate/manifests/1";
        List<String> lines = debug.stream().filter(l -> l.contains("fita/rate")).toList();
        assertEquals(3, lines.size(), String.join("\n", debug));
        assertEquals(put + " -> 429", lines.get(0));
        assertTrue(lines.get(1).matches("retrying " + Pattern.quote(server.host() + " for fita/rate (pushing manifest 1)")
                + " in 1\\d{3} ms \\(attempt 1 failed: answered 429 \\(TOOMANYREQUESTS injected rate limit\\)"
                + " \\(asked to wait 1\\.0 s\\)\\)"), lines.get(1));
        assertEquals(put + " -> 201", lines.get(2));
    }

    @Test
    void aMonolithicPutThatBreaksOffAsksWhereTheUploadStandsAndGoesOnInTheSameSession() {
        AtomicInteger puts = new AtomicInteger();
        server.faults((method, path) -> method.equals("PUT") && path.contains("/blobs/uploads/")
                && puts.getAndIncrement() < 2 ? Fault.RESET : Fault.NONE);
        byte[] bytes = "some layer".getBytes();
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        client(FAST).target(ref("fita/resumed")).push(d, BlobSource.of(bytes));
        assertTrue(server.hasBlob(d.digest().toString()));
        assertEquals(1, server.count("POST", "/blobs/uploads/"), "one session");
        assertEquals(3, server.count("PUT", "/blobs/uploads/"));
        assertEquals(2, server.count("GET", "/blobs/uploads/"), "asked for the session's state after each break");
        assertEquals(2, server.count("HEAD", "/blobs/" + d.digest()), "and whether the blob had arrived anyway");
    }

    @Test
    void aPutWhoseAnswerWasLostIsNotSentAgain() {
        AtomicInteger puts = new AtomicInteger();
        server.faults((method, path) -> method.equals("PUT") && path.contains("/blobs/uploads/")
                && puts.getAndIncrement() == 0 ? Fault.RESET_MID_BODY : Fault.NONE);
        // The stand-in keeps half of a cut body: the session then holds part of the blob, and the rest follows.
        byte[] bytes = random(100_000, 5);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        client(FAST).target(ref("fita/half")).push(d, BlobSource.of(bytes));
        assertTrue(server.hasBlob(d.digest().toString()));
        assertEquals(1, server.count("POST", "/blobs/uploads/"));
        StandInRegistry.Seen last = server.seen.stream().filter(s -> s.method().equals("PUT")).reduce((a, b) -> b).orElseThrow();
        assertEquals(50_000, last.bodyBytes(), "only the second half was sent again");
    }

    @Test
    void aChunkedUploadResumesAtTheChunkThatBroke() {
        AtomicInteger patches = new AtomicInteger();
        server.faults((method, path) -> method.equals("PATCH") && patches.getAndIncrement() == 1 ? Fault.RESET : Fault.NONE);
        byte[] bytes = random(2 * 5 * MIB + 2500, 1);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        RegistryClient chunky = builder(FAST).chunkSize(5 * MIB).build();
        chunky.target(ref("fita/chunks")).push(d, BlobSource.of(bytes));
        assertTrue(server.hasBlob(d.digest().toString()));
        assertEquals(1, server.count("POST", "/blobs/uploads/"), "the same session throughout");
        List<String> ranges = server.seen.stream().filter(s -> s.method().equals("PATCH")).map(s -> s.contentRange()).toList();
        assertEquals(List.of("0-" + (5 * MIB - 1), 5 * MIB + "-" + (10 * MIB - 1), 5 * MIB + "-" + (10 * MIB - 1),
                10 * MIB + "-" + (bytes.length - 1)), ranges, "the second chunk was sent again, the first was not");
    }

    @Test
    void downloadCutMidBodyIsRetried() throws Exception {
        byte[] bytes = random(10_000, 3);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        Repository repo = client(FAST).target(ref("fita/cut"));
        repo.push(d, BlobSource.of(bytes));
        AtomicInteger gets = new AtomicInteger();
        server.faults((method, path) -> method.equals("GET") && path.contains("/blobs/") && gets.getAndIncrement() == 0
                ? Fault.RESET_MID_BODY : Fault.NONE);
        try (InputStream in = repo.fetch(d)) {
            assertArrayEquals(bytes, in.readAllBytes(), "the download resumed where it broke off");
        }
        assertEquals(2, server.count("GET", "/blobs/sha256"));
        String range = server.seen.stream().filter(s -> s.method().equals("GET") && s.path().contains("/blobs/sha256"))
                .reduce((a, b) -> b).orElseThrow().range();
        assertTrue(range != null && range.matches("bytes=[1-9][0-9]*-"), "the second GET asks for the rest only: " + range);
    }
}
