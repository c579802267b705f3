package dev.fita.oci.registry;

import static dev.fita.oci.registry.RegistryFaultsTest.MIB;
import static dev.fita.oci.registry.RegistryFaultsTest.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.Descriptor;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.content.BlobSource;
import dev.fita.oci.content.CopyOptions;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.content.ReadableStorage;
import dev.fita.oci.testing.HookedStorage;
import dev.fita.oci.testing.RegistryProxy;
import dev.fita.oci.testing.RegistryProxy.Fault;
import dev.fita.oci.testing.RegistryProxy.Seen;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestImages.MultiPlatformImage;
import dev.fita.oci.testing.TestRegistry;
import dev.fita.oci.testing.Tools;

/**
 * The real Distribution behind a proxy that injects what networks do (issue 12's rates: 20 % 503,
 * 10 % 429 with Retry-After: 1, 10 % connections reset), with the default retry policy: every push
 * ends with the clean push's index. Also: uploads resumed or restarted on Distribution, a declined
 * mount continued in the session it offers, and a registry that dies mid-push.
 */
class RegistryResilienceTest {

    private static final int PUSHES = 10;

    private static TestRegistry registry;
    private static MultiPlatformImage image;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        registry = TestRegistry.start();
        image = TestImages.writeMultiPlatform(shared.resolve("image"), "1");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static RegistryClient client() {
        return RegistryClient.builder().allowInsecure(true).build();
    }

    private static ImageReference ref(String host, String repoAndTag) {
        return ImageReference.parse(host + "/" + repoAndTag);
    }

    private static CopyResult push(RegistryClient client, ImageReference target) {
        return new GraphCopy().copy(image.layout(), image.index(), client.target(target),
                target.tagsWith(List.of("latest")), null);
    }

    @Test
    void tenPushesThroughAFaultyProxyAllEndWithTheCleanPushsIndex() throws Exception {
        Descriptor clean = push(client(), ref(registry.host(), "fita/clean:1")).root();
        List<RegistryProxy> proxies = new ArrayList<>();
        ExecutorService pushes = Executors.newFixedThreadPool(PUSHES);
        try {
            // All at once, each through its own proxy with its own faults: the test costs one push's time.
            List<Future<Double>> seconds = new ArrayList<>();
            for (int i = 0; i < PUSHES; i++) {
                RegistryProxy proxy = RegistryProxy.start(registry.host()).faults(RegistryProxy.randomFaults(1000 + i, 20, 10, 10));
                proxies.add(proxy);
                ImageReference target = ref(proxy.host(), "fita/faulty-" + i + ":1");
                seconds.add(pushes.submit(() -> {
                    long start = System.nanoTime();
                    // RetryPolicy.DEFAULT: the retries a user gets.
                    assertEquals(clean, push(client(), target).root());
                    return (System.nanoTime() - start) / 1e9;
                }));
            }
            List<String> times = new ArrayList<>();
            for (Future<Double> s : seconds) {
                // The bound for one push, not a timing target.
                times.add(String.format(Locale.ROOT, "%.1f", s.get(3, TimeUnit.MINUTES)));
            }
            for (int i = 0; i < PUSHES; i++) {
                Repository direct = client().repository(ref(registry.host(), "fita/faulty-" + i));
                assertEquals(clean.digest(), direct.manifests().fetch("1").digest(), "push " + i);
                assertEquals(clean.digest(), direct.manifests().fetch("latest").digest(), "push " + i);
            }
            List<Seen> seen = proxies.stream().flatMap(p -> p.seen().stream()).toList();
            for (Fault f : List.of(Fault.STATUS_503, Fault.STATUS_429, Fault.RESET_BEFORE, Fault.RESET_AFTER)) {
                assertTrue(seen.stream().anyMatch(s -> s.fault() == f), f + " was injected");
            }
            System.out.println("[fault proxy] " + PUSHES + "/" + PUSHES + " pushes ended with " + clean.digest() + "; "
                    + seen.size() + " requests, " + seen.stream().filter(s -> s.fault() != Fault.NONE).count()
                    + " faults injected; seconds per push: " + times);
        } finally {
            pushes.shutdownNow();
            proxies.forEach(RegistryProxy::close);
        }
        // An independent client reads the last one back completely, checking every digest on the way.
        Tools.run(Duration.ofMinutes(2), Tools.require("skopeo", "skopeo").toString(), "--insecure-policy", "copy",
                "--all", "--src-tls-verify=false", "docker://" + registry.host() + "/fita/faulty-" + (PUSHES - 1) + ":latest",
                "oci:" + tmp.resolve("check") + ":x").assertSuccess();
    }

    @Test
    void aChunkTheProxyRefusedIsSentAgainInTheSameSession() {
        byte[] bytes = random(12 * MIB, 21);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        AtomicInteger patches = new AtomicInteger();
        try (RegistryProxy proxy = RegistryProxy.start(registry.host())
                .faults((m, p) -> m.equals("PATCH") && patches.incrementAndGet() == 2 ? Fault.STATUS_503 : Fault.NONE)) {
            RegistryClient chunky = RegistryClient.builder().allowInsecure(true).chunkSize(RegistryClient.MIN_CHUNK_SIZE).build();
            chunky.target(ref(proxy.host(), "fita/resume")).push(d, BlobSource.of(bytes));
            assertEquals(1, proxy.count(s -> s.method().equals("POST")), "one session");
            assertEquals(4, proxy.count(s -> s.method().equals("PATCH")), "three chunks, the refused one twice");
            assertEquals(1, proxy.count(s -> s.method().equals("GET") && s.path().contains("/blobs/uploads/")),
                    "one question where the upload stood");
        }
        assertTrue(client().repository(ref(registry.host(), "fita/resume")).exists(d));
    }

    @Test
    void aChunkWhoseAnswerWasLostStartsTheBlobAgainOnDistribution() {
        // Distribution's session state moved on with the chunk: the old Location is BLOB_UPLOAD_INVALID.
        byte[] bytes = random(12 * MIB, 22);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        AtomicInteger patches = new AtomicInteger();
        try (RegistryProxy proxy = RegistryProxy.start(registry.host())
                .faults((m, p) -> m.equals("PATCH") && patches.incrementAndGet() == 2 ? Fault.RESET_AFTER : Fault.NONE)) {
            RegistryClient chunky = RegistryClient.builder().allowInsecure(true).chunkSize(RegistryClient.MIN_CHUNK_SIZE).build();
            chunky.target(ref(proxy.host(), "fita/restart")).push(d, BlobSource.of(bytes));
            assertEquals(2, proxy.count(s -> s.method().equals("POST")), "a second session");
            assertEquals(1, proxy.count(s -> s.method().equals("GET") && s.path().contains("/blobs/uploads/")
                    && s.status() == 404), "the old session was gone (BLOB_UPLOAD_UNKNOWN): " + proxy.seen());
        }
        assertTrue(client().repository(ref(registry.host(), "fita/restart")).exists(d));
    }

    @Test
    void aDeclinedMountContinuesInTheSessionDistributionOffers() {
        try (RegistryProxy proxy = RegistryProxy.start(registry.host())) {
            ImageReference target = ref(proxy.host(), "fita/declined:1");
            CopyResult r = new GraphCopy(CopyOptions.DEFAULT.withMountFrom(List.of("fita/nowhere")))
                    .copy(image.layout(), image.index(), client().target(target), target.tagsWith(List.of()), null);
            assertEquals(0, r.blobsMounted());
            List<Seen> posts = proxy.seen().stream().filter(s -> s.method().equals("POST")).toList();
            assertEquals(r.blobsCopied(), posts.size(), "one POST per blob, the mount's: " + posts);
            assertTrue(posts.stream().allMatch(p -> p.status() == 202), posts.toString());
            assertEquals(r.blobsCopied(), proxy.count(s -> s.method().equals("PUT") && s.path().contains("/blobs/uploads/")));
        }
    }

    @Test
    void aRegistryThatDiesMidPushFailsWithOneSentenceAndMovesNoTag() {
        TestRegistry dying = TestRegistry.builder().directory(tmp.resolve("dying")).start();
        Path storage = dying.storageDir();
        // The first layer's upload kills the registry: every request after it finds nobody listening.
        ReadableStorage killing = new HookedStorage(image.layout(), (d, in) -> {
            if (d.mediaType().equals(MediaTypes.OCI_LAYER_GZIP)) {
                dying.close();
            }
            return in;
        });
        // A 3 s budget keeps the test short; the default's 30 s is the same code (TransportRulesTest, bench/run faults).
        RegistryClient client = RegistryClient.builder().allowInsecure(true)
                .retryPolicy(new BackoffPolicy(Duration.ofSeconds(3), Duration.ofMillis(200), Duration.ofSeconds(1))).build();
        ImageReference target = ref(dying.host(), "fita/dies:1");
        RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class, () -> new GraphCopy()
                .copy(killing, image.index(), client.target(target), target.tagsWith(List.of("latest")), null));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(dying.host())
                + " (refused the connection|failed with) .* for fita/dies \\(pushing blob sha256:[0-9a-f]{64}\\);"
                + " gave up after \\d+ attempts in [0-3]\\.\\d s\\."), e.getMessage());
        assertFalse(Files.exists(storage.resolve("docker/registry/v2/repositories/fita/dies/_manifests/tags")),
                "no tag was written");
    }
}
