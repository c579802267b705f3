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
import dev.fita.oci.Platform;
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
    void mountsFromConfiguredSourcesWithAFreshClient() {
        TestLayouts.Layout layout = TestLayouts.twoPlatforms(tmp.resolve("layout"), "mount-configured");
        new LayoutPusher(client).push(layout.dir(), layout.root(), ref("fita/src:1"), List.of(), null);
        RegistryClient fresh = RegistryClient.builder().allowInsecure(true).build();
        PushResult r = new LayoutPusher(fresh).mountingFrom(List.of("fita/elsewhere", "fita/src"))
                .push(layout.dir(), layout.root(), ref("fita/dst:1"), List.of(), null);
        assertEquals(4, r.blobsMounted());
        assertEquals(0, r.blobsUploaded());
    }

    @Test
    void invalidTagFailsBeforeAnythingIsSent() {
        TestLayouts.Layout layout = TestLayouts.twoPlatforms(tmp.resolve("layout"), "badtag");
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class,
                () -> new LayoutPusher(client).push(layout.dir(), layout.root(), ref("fita/badtag:1"), List.of("no good"), null));
        assertTrue(e.getMessage().contains("'no good' is not a valid tag for " + registry.host() + "/fita/badtag"), e.getMessage());
        assertFalse(client.repository(ref("fita/badtag")).blobExists(layout.blobs().get(1)));
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
    void pullsThePlatformLikeTheFarEdgeKubelet() throws Exception {
        TestLayouts.Layout layout = TestLayouts.twoPlatforms(tmp.resolve("layout"), "pull");
        new LayoutPusher(client).push(layout.dir(), layout.root(), ref("fita/pull:0.0.1"), List.of(), null);
        PlatformPuller puller = new PlatformPuller(client);

        Path device = tmp.resolve("device");
        List<Path> files = puller.pull(ref("fita/pull:0.0.1"), Platform.parse("zephyr/arm/v7"), device);
        assertEquals(List.of(device.toAbsolutePath().resolve("service.json")), files);
        assertTrue(new String(Files.readAllBytes(files.get(0))).contains("\"name\":\"ts-pull\""));

        assertEquals(List.of(), puller.pull(ref("fita/pull:0.0.1"), Platform.parse("linux/amd64"), tmp.resolve("node")),
                "container layers have no title, like in an oras file store");
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> puller.pull(ref("fita/pull:0.0.1"), Platform.parse("linux/arm64"), tmp.resolve("none")));
        assertTrue(e.getMessage().contains("no entry for platform linux/arm64"), e.getMessage());
        assertTrue(e.getMessage().contains("linux/amd64, zephyr/arm/v7"), e.getMessage());

        Path pulledLayout = tmp.resolve("pulled-layout");
        Descriptor z = puller.pullToLayout(ref("fita/pull:0.0.1"), Platform.parse("zephyr/arm/v7"), pulledLayout);
        assertEquals(layout.blobs().get(3).digest(),
                dev.fita.oci.ImageManifest.fromJson(ContentSource.of(pulledLayout).readManifest(z)).layers().get(0).digest());
        String raw = Skopeo.run(tmp, "inspect", "--raw", "oci:" + pulledLayout + ":0.0.1");
        assertEquals(z.digest(), Digest.sha256(raw.getBytes()));
    }

    @Test
    void pullRefusesTitlesThatEscapeTheTargetDirectory() throws Exception {
        Path dir = tmp.resolve("evil");
        for (String title : List.of("../escaped.json", "/tmp/absolute.json", "a/../../up.json")) {
            Descriptor config = TestLayouts.write(dir, MediaTypes.OCI_CONFIG,
                    "{\"architecture\":\"arm\",\"os\":\"zephyr\",\"variant\":\"v7\"}".getBytes());
            Descriptor layer = TestLayouts.write(dir, MediaTypes.EMBSERVE_SERVICE, ("{\"t\":\"" + title + "\"}").getBytes())
                    .withAnnotation(dev.fita.oci.Annotations.TITLE, title);
            Descriptor manifest = TestLayouts.write(dir, MediaTypes.OCI_MANIFEST,
                    dev.fita.oci.ImageManifest.oci(config, List.of(layer), null).toJson());
            new LayoutPusher(client).push(dir, manifest, ref("fita/evil:x"), List.of(), null);
            Path out = tmp.resolve("out").resolve("inner");
            RegistryResponseException e = assertThrows(RegistryResponseException.class,
                    () -> new PlatformPuller(client).pull(ref("fita/evil:x"), Platform.parse("zephyr/arm/v7"), out));
            assertTrue(e.getMessage().contains("'" + title + "'"), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("out")), "nothing written for " + title);
        }
        assertFalse(Files.exists(tmp.resolve("escaped.json")));
    }

    @Test
    void skopeoReadsEachPlatformBack() throws Exception {
        TestLayouts.Layout layout = TestLayouts.twoPlatforms(tmp.resolve("layout"), "skopeo");
        new LayoutPusher(client).push(layout.dir(), layout.root(), ref("fita/skopeo:1"), List.of(), null);
        String image = "docker://" + registry.host() + "/fita/skopeo:1";
        byte[] raw = Skopeo.run(tmp, "inspect", "--tls-verify=false", "--raw", image).getBytes();
        assertEquals(layout.root().digest(), Digest.sha256(raw));

        Path zephyr = tmp.resolve("zephyr-copy");
        Skopeo.run(tmp, "copy", "--src-tls-verify=false", "--override-os", "zephyr", "--override-arch", "arm",
                "--override-variant", "v7", image, "oci:" + zephyr + ":z");
        Descriptor serviceLayer = layout.blobs().get(3);
        assertEquals(MediaTypes.EMBSERVE_SERVICE, serviceLayer.mediaType());
        assertTrue(Files.exists(zephyr.resolve("blobs/sha256").resolve(serviceLayer.digest().encoded())),
                () -> "skopeo picked the zephyr manifest with service.json: " + listing(zephyr));

        Path linux = tmp.resolve("linux-copy");
        Skopeo.run(tmp, "copy", "--src-tls-verify=false", "--override-os", "linux", "--override-arch", "amd64",
                image, "oci:" + linux + ":l");
        // The config, not the layer: skopeo may recompress the (uncompressed) test layer on the way.
        assertTrue(Files.exists(linux.resolve("blobs/sha256").resolve(layout.blobs().get(0).digest().encoded())),
                () -> listing(linux));
        assertFalse(Files.exists(linux.resolve("blobs/sha256").resolve(serviceLayer.digest().encoded())));
    }

    private static String listing(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> {
                try {
                    return p + (Files.size(p) < 2000 ? " " + Files.readString(p) : "");
                } catch (java.io.IOException e) {
                    return p.toString();
                }
            }).collect(java.util.stream.Collectors.joining("\n"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
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
