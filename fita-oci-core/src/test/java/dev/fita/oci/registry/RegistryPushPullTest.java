package dev.fita.oci.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.testing.TestRegistry;

/** Push and pull against a real CNCF Distribution registry over plain HTTP on 127.0.0.1. */
class RegistryPushPullTest {

    private static TestRegistry registry;
    private static RegistryClient client;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        registry = TestRegistry.start();
        client = RegistryClient.builder().allowInsecure(true).build();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private ImageReference ref(String repoAndTag) {
        return ImageReference.parse(registry.host() + "/" + repoAndTag);
    }

    @Test
    void pushesLayoutUnderSeveralTagsAndReadsItBack() {
        TestLayouts.Layout layout = TestLayouts.twoPlatforms(tmp.resolve("layout"), "roundtrip");
        List<String> events = new CopyOnWriteArrayList<>();
        PushListener listener = new PushListener() {
            @Override public void blobUploaded(Descriptor d) { events.add("blob " + d.digest()); }
            @Override public void manifestPushed(Descriptor d) { events.add("manifest " + d.digest()); }
            @Override public void tagged(String tag) { events.add("tag " + tag); }
        };
        PushResult result = new LayoutPusher(client).push(layout.dir(), layout.root(), ref("fita/roundtrip:1.0"),
                List.of("latest", "stable"), listener);

        // The zephyr config is the same in every test layout, so this client may mount it from another repository.
        assertEquals(4, result.blobsUploaded() + result.blobsMounted());
        assertTrue(result.blobsUploaded() >= 3, result.toString());
        assertTrue(result.bytesUploaded() > 0, result.toString());
        assertEquals(0, result.blobsPresent());
        assertEquals(layout.root().digest(), result.rootDigest());
        assertEquals(List.of("1.0", "latest", "stable"), result.tags());
        // Tags come last, after every blob and manifest.
        assertEquals(List.of("tag 1.0", "tag latest", "tag stable"), events.subList(events.size() - 3, events.size()));
        int lastBlob = 0;
        for (int i = 0; i < events.size(); i++) {
            lastBlob = events.get(i).startsWith("blob ") ? i : lastBlob;
        }
        assertTrue(events.indexOf("manifest " + layout.root().digest()) > lastBlob, events.toString());

        Repository repo = client.repository(ref("fita/roundtrip"));
        for (String tag : List.of("1.0", "latest", "stable")) {
            assertEquals(layout.root().digest(), repo.headManifest(tag).orElseThrow().digest(), tag);
        }
        ManifestResponse index = repo.fetchManifest("1.0");
        assertEquals(MediaTypes.OCI_INDEX, index.mediaType());
        assertArrayEquals(layout.source().readManifest(layout.root()), index.bytes());
        for (Descriptor blob : layout.blobs()) {
            assertTrue(repo.blobExists(blob));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            repo.fetchBlob(blob, out);
            assertEquals(blob.digest(), Digest.sha256(out.toByteArray()));
        }
    }

    @Test
    void secondPushUploadsNothing() {
        TestLayouts.Layout layout = TestLayouts.twoPlatforms(tmp.resolve("layout"), "again");
        LayoutPusher pusher = new LayoutPusher(client);
        PushResult first = pusher.push(layout.dir(), layout.root(), ref("fita/again:1"), List.of(), null);
        PushResult second = pusher.push(layout.dir(), layout.root(), ref("fita/again:1"), List.of(), null);
        assertEquals(4, first.blobsUploaded() + first.blobsMounted());
        assertEquals(0, second.blobsUploaded());
        assertEquals(0, second.blobsMounted());
        assertEquals(0, second.bytesUploaded());
        assertEquals(4, second.blobsPresent());
        assertEquals(first.rootDigest(), second.rootDigest());
    }

    @Test
    void mountsBlobsFromAnotherRepository() {
        TestLayouts.Layout layout = TestLayouts.twoPlatforms(tmp.resolve("layout"), "mount");
        LayoutPusher pusher = new LayoutPusher(client);
        pusher.push(layout.dir(), layout.root(), ref("fita/mount-a:1"), List.of(), null);
        PushResult b = pusher.push(layout.dir(), layout.root(), ref("fita/mount-b:1"), List.of(), null);
        assertEquals(4, b.blobsMounted());
        assertEquals(0, b.blobsUploaded());
        assertEquals(layout.root().digest(), client.repository(ref("fita/mount-b")).headManifest("1").orElseThrow().digest());
    }

    @Test
    void mountOfUnknownBlobIsDeclined() {
        Descriptor nowhere = Descriptor.of(MediaTypes.OCI_LAYER, "not pushed anywhere".getBytes());
        assertFalse(client.repository(ref("fita/mount-c")).mountBlob(nowhere, "fita/mount-a"));
    }

    @Test
    void chunkedUploadOfALargerBlob() throws Exception {
        RegistryClient chunky = RegistryClient.builder().allowInsecure(true).chunkSize(1000).build();
        byte[] bytes = new byte[4500];
        new java.util.Random(7).nextBytes(bytes);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        Repository repo = chunky.repository(ref("fita/chunked"));
        repo.pushBlob(d, BlobSource.of(bytes));
        assertTrue(repo.blobExists(d));
        Path target = tmp.resolve("out.bin");
        repo.fetchBlob(d, target);
        assertArrayEquals(bytes, Files.readAllBytes(target));
    }

    @Test
    void unknownManifestIsNotFound() {
        Repository repo = client.repository(ref("fita/nothing-here"));
        NotFoundException e = assertThrows(NotFoundException.class, () -> repo.fetchManifest("1.0"));
        assertTrue(e.getMessage().contains(registry.host()), e.getMessage());
        assertTrue(e.getMessage().contains("fita/nothing-here"), e.getMessage());
        assertTrue(e.getMessage().contains("MANIFEST_UNKNOWN") || e.getMessage().contains("NAME_UNKNOWN"), e.getMessage());
        assertTrue(repo.headManifest("1.0").isEmpty());
    }

    @Test
    void manifestWithMissingBlobsIsRefusedWithTheRegistryCode() {
        Descriptor config = Descriptor.of(MediaTypes.OCI_CONFIG, "{\"never\":\"pushed\"}".getBytes());
        byte[] manifest = dev.fita.oci.ImageManifest.oci(config, List.of(), null).toJson();
        Repository repo = client.repository(ref("fita/refused"));
        RegistryResponseException e = assertThrows(RegistryResponseException.class,
                () -> repo.putManifest("1.0", MediaTypes.OCI_MANIFEST, manifest));
        assertTrue(e.getMessage().contains("MANIFEST_BLOB_UNKNOWN"), e.getMessage());
        assertTrue(e.getMessage().contains(registry.host() + " answered 400 for fita/refused (pushing manifest 1.0)"),
                e.getMessage());
        assertTrue(repo.headManifest("1.0").isEmpty());
    }

    @Test
    void plainHttpWithoutInsecureNamesTheOption() {
        RegistryClient strict = RegistryClient.builder().retryPolicy(RetryPolicy.NONE).build();
        RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class,
                () -> strict.repository(ref("fita/x")).headManifest("1"));
        assertTrue(e.getMessage().contains("allowInsecureRegistries"), e.getMessage());
        assertTrue(e.getMessage().contains(registry.host()), e.getMessage());
    }
}
