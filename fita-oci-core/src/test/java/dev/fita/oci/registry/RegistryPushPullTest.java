package dev.fita.oci.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.Annotations;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.content.BlobSource;
import dev.fita.oci.content.CopyListener;
import dev.fita.oci.content.CopyOptions;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.content.PlatformNotFoundException;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestImages.SmallImage;
import dev.fita.oci.testing.TestRegistry;
import dev.fita.oci.testing.Tools;

/** Push and pull against a real CNCF Distribution registry over plain HTTP on 127.0.0.1. */
class RegistryPushPullTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static TestRegistry registry;
    private static String skopeo;

    /** Fresh per test: no test's mounts or tokens depend on another's. */
    private RegistryClient client;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        skopeo = Tools.require("skopeo", "skopeo").toString();
        registry = TestRegistry.start();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @BeforeEach
    void freshClient() {
        client = RegistryClient.builder().allowInsecure(true).build();
    }

    private ImageReference ref(String repoAndTag) {
        return ImageReference.parse(registry.host() + "/" + repoAndTag);
    }

    private CopyResult push(GraphCopy copy, SmallImage image, ImageReference target, List<String> tags,
            CopyListener listener) {
        return copy.copy(image.layout(), image.root(), client.target(target), target.tagsWith(tags), listener);
    }

    private CopyResult push(SmallImage image, ImageReference target) {
        return push(new GraphCopy(), image, target, List.of(), null);
    }

    @Test
    void pushesLayoutUnderSeveralTagsAndReadsItBack() throws Exception {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("layout"), "roundtrip");
        List<String> events = new CopyOnWriteArrayList<>();
        CopyListener listener = new CopyListener() {
            @Override public void blobCopied(Descriptor d) { events.add("blob " + d.digest()); }
            @Override public void manifestCopied(Descriptor d) { events.add("manifest " + d.digest()); }
            @Override public void tagged(String tag) { events.add("tag " + tag); }
        };
        CopyResult result = push(new GraphCopy(), image, ref("fita/roundtrip:1.0"), List.of("latest", "stable"), listener);

        assertEquals(4, result.blobsCopied(), result.toString());
        assertEquals(0, result.blobsMounted());
        assertEquals(0, result.blobsPresent());
        assertEquals(image.blobs().stream().mapToLong(Descriptor::size).sum(), result.bytesCopied());
        assertEquals(3, result.manifestsCopied());
        assertEquals(image.root(), result.root());
        assertEquals(List.of("1.0", "latest", "stable"), result.tags());
        assertEquals(3, result.tagsMoved());
        // Tags come last, after every blob and manifest; the index after the manifests it lists.
        assertEquals(List.of("tag 1.0", "tag latest", "tag stable"), events.subList(events.size() - 3, events.size()));
        assertEquals("manifest " + image.root().digest(), events.get(events.size() - 4));
        assertTrue(events.subList(0, 4).stream().allMatch(e -> e.startsWith("blob ")), events.toString());

        Repository repo = client.repository(ref("fita/roundtrip"));
        for (String tag : List.of("1.0", "latest", "stable")) {
            assertEquals(image.root().digest(), repo.resolve(tag).orElseThrow().digest(), tag);
        }
        ManifestResponse index = repo.manifests().fetch("1.0");
        assertEquals(MediaTypes.OCI_INDEX, index.mediaType());
        assertArrayEquals(image.rootBytes(), index.bytes());
        for (Descriptor blob : image.blobs()) {
            assertTrue(repo.exists(blob));
            try (InputStream in = repo.fetch(blob)) {
                assertEquals(blob.digest(), Digest.sha256(in.readAllBytes()));
            }
        }
    }

    @Test
    void secondPushSendsNothingAndMovesNoTag() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("layout"), "again");
        CopyResult first = push(image, ref("fita/again:1"));
        CopyResult second = push(image, ref("fita/again:1"));
        assertEquals(4, first.blobsCopied());
        assertEquals(1, first.tagsMoved());
        assertEquals(0, second.blobsCopied());
        assertEquals(0, second.blobsMounted());
        assertEquals(0, second.bytesCopied());
        assertEquals(4, second.blobsPresent(), "the index is there, so everything under it is");
        assertEquals(0, second.manifestsCopied());
        assertEquals(3, second.manifestsPresent());
        assertEquals(0, second.tagsMoved());
        assertEquals(first.root(), second.root());
    }

    @Test
    void aRedeployOfUnchangedInputsAsksForTheRootAndTheTagsAndSendsNothing() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("layout"), "redeploy");
        ImageReference target = ref("fita/redeploy:1");
        push(new GraphCopy(), image, target, List.of("latest"), null);

        List<String> requests = new CopyOnWriteArrayList<>();
        RegistryClient logged = RegistryClient.builder().allowInsecure(true).debugLog(requests::add).build();
        CopyResult again = new GraphCopy().copy(image.layout(), image.root(), logged.target(target),
                target.tagsWith(List.of("latest")), null);

        String repo = "http://" + registry.host() + "/v2/fita/redeploy/";
        assertEquals(List.of("HEAD " + repo + "manifests/" + image.root().digest() + " -> 200",
                "HEAD " + repo + "manifests/1 -> 200", "HEAD " + repo + "manifests/latest -> 200"),
                requests.stream().filter(r -> r.contains("/v2/fita/")).toList(), String.join("\n", requests));
        assertEquals(0, again.tagsMoved());
        assertEquals(List.of("1", "latest"), again.tags());
    }

    @Test
    void mountsBlobsItSawInAnotherRepository() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("layout"), "mount");
        GraphCopy copy = new GraphCopy();
        push(copy, image, ref("fita/mount-a:1"), List.of(), null);
        CopyResult b = push(copy, image, ref("fita/mount-b:1"), List.of(), null);
        assertEquals(4, b.blobsMounted());
        assertEquals(0, b.blobsCopied());
        assertEquals(image.root().digest(), client.repository(ref("fita/mount-b")).resolve("1").orElseThrow().digest());
    }

    @Test
    void mountsFromConfiguredSourcesWithAFreshCopy() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("layout"), "mount-configured");
        push(image, ref("fita/src:1"));
        CopyResult r = push(new GraphCopy(CopyOptions.DEFAULT.withMountFrom(List.of("fita/elsewhere", "fita/src"))),
                image, ref("fita/dst:1"), List.of(), null);
        assertEquals(4, r.blobsMounted());
        assertEquals(0, r.blobsCopied());
    }

    @Test
    void invalidTagFailsBeforeAnythingIsSent() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("layout"), "badtag");
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class,
                () -> push(new GraphCopy(), image, ref("fita/badtag:1"), List.of("no good"), null));
        assertTrue(e.getMessage().contains("'no good' is not a valid tag for " + registry.host() + "/fita/badtag"), e.getMessage());
        assertFalse(client.repository(ref("fita/badtag")).exists(image.blobs().get(1)));
    }

    @Test
    void mountOfUnknownBlobIsDeclined() {
        Descriptor nowhere = Descriptor.of(MediaTypes.OCI_LAYER, "not pushed anywhere".getBytes());
        assertFalse(client.target(ref("fita/mount-c")).mount(nowhere, "fita/mount-a"));
    }

    @Test
    void chunkedUploadOfALargerBlob() throws Exception {
        RegistryClient chunky = RegistryClient.builder().allowInsecure(true).chunkSize(RegistryClient.MIN_CHUNK_SIZE).build();
        byte[] bytes = new byte[(int) (2 * RegistryClient.MIN_CHUNK_SIZE + 4500)];
        new java.util.Random(7).nextBytes(bytes);
        Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER, bytes);
        Repository repo = chunky.target(ref("fita/chunked"));
        repo.push(d, BlobSource.of(bytes));
        assertTrue(repo.exists(d));
        try (InputStream in = repo.fetch(d)) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
    }

    @Test
    void unknownManifestIsNotFoundWithTheRegistryCode() {
        Repository repo = client.repository(ref("fita/nothing-here"));
        NotFoundException e = assertThrows(NotFoundException.class, () -> repo.manifests().fetch("1.0"));
        assertTrue(e.getMessage().startsWith(registry.host() + " has no such content in fita/nothing-here"
                + " (fetching manifest 1.0): "), e.getMessage());
        assertEquals(404, e.status());
        assertEquals("GET", e.method());
        assertEquals("http://" + registry.host() + "/v2/fita/nothing-here/manifests/1.0", e.url());
        assertTrue(List.of(List.of(ErrorCode.MANIFEST_UNKNOWN), List.of(ErrorCode.NAME_UNKNOWN)).contains(e.codes()),
                e.codes().toString());
        assertTrue(repo.resolve("1.0").isEmpty());
    }

    @Test
    void manifestWithMissingBlobsIsRefusedWithTheRegistryCode() {
        Descriptor config = Descriptor.of(MediaTypes.OCI_CONFIG, "{\"never\":\"pushed\"}".getBytes());
        byte[] manifest = ImageManifest.oci(config, List.of(), null).toJson();
        Repository repo = client.target(ref("fita/refused"));
        RegistryResponseException e = assertThrows(RegistryResponseException.class,
                () -> repo.manifests().put("1.0", MediaTypes.OCI_MANIFEST, manifest));
        assertEquals(List.of(ErrorCode.MANIFEST_BLOB_UNKNOWN), e.codes());
        assertEquals(400, e.status());
        assertEquals("PUT", e.method());
        assertTrue(e.getMessage().startsWith(registry.host() + " answered 400 for fita/refused (pushing manifest 1.0): "),
                e.getMessage());
        assertTrue(repo.resolve("1.0").isEmpty());
    }

    @Test
    void pullsThePlatformLikeTheFarEdgeKubelet() throws Exception {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("layout"), "pull");
        push(image, ref("fita/pull:0.0.1"));
        PlatformPuller puller = new PlatformPuller(client);

        Path device = tmp.resolve("device");
        List<Path> files = puller.pull(ref("fita/pull:0.0.1"), Platform.parse("zephyr/arm/v7"), device);
        assertEquals(List.of(device.toAbsolutePath().resolve("service.json")), files);
        assertTrue(Files.readString(files.get(0)).contains("\"name\": \"ts-pull\""), Files.readString(files.get(0)));

        assertEquals(List.of(), puller.pull(ref("fita/pull:0.0.1"), Platform.parse("linux/amd64"), tmp.resolve("node")),
                "container layers have no title, like in an oras file store");
        PlatformNotFoundException e = assertThrows(PlatformNotFoundException.class,
                () -> puller.pull(ref("fita/pull:0.0.1"), Platform.parse("linux/arm64"), tmp.resolve("none")));
        assertEquals(ref("fita/pull:0.0.1") + " has no entry for platform linux/arm64 (it has: linux/amd64, zephyr/arm/v7).",
                e.getMessage());

        Path pulledLayout = tmp.resolve("pulled-layout");
        Descriptor z = puller.pullToLayout(ref("fita/pull:0.0.1"), Platform.parse("zephyr/arm/v7"), pulledLayout);
        OciLayout pulled = OciLayout.open(pulledLayout);
        assertEquals(image.blobs().get(3).digest(), ImageManifest.fromJson(pulled.readBlob(z)).layers().get(0).digest());
        assertEquals(z, pulled.require("0.0.1"));
        String raw = Tools.run(TIMEOUT, skopeo, "inspect", "--raw", "oci:" + pulledLayout + ":0.0.1").assertSuccess().stdout();
        assertEquals(z.digest(), Digest.sha256(raw.getBytes()));
    }

    @Test
    void pullRefusesTitlesThatEscapeTheTargetDirectory() {
        Path out = tmp.resolve("out").resolve("inner");
        Path absolute = tmp.resolve("absolute.json").toAbsolutePath();
        List<String> titles = List.of("../escaped.json", absolute.toString(), "a/../../up.json");
        for (String title : titles) {
            OciLayout layout = OciLayout.create(tmp.resolve("evil-" + titles.indexOf(title)));
            Descriptor config = layout.writeBlob(MediaTypes.OCI_CONFIG, TestImages.ZEPHYR_CONFIG.getBytes());
            Descriptor layer = layout.writeBlob(MediaTypes.EMBSERVE_SERVICE, ("{\"t\":\"" + title + "\"}").getBytes())
                    .withAnnotation(Annotations.TITLE, title);
            Descriptor manifest = layout.writeBlob(MediaTypes.OCI_MANIFEST,
                    ImageManifest.oci(config, List.of(layer), null).toJson());
            new GraphCopy().copy(layout, manifest, client.target(ref("fita/evil")), List.of("x"), null);
            // Where the layer would land if the title were followed.
            Path landing = Path.of(title).isAbsolute() ? Path.of(title) : out.resolve(title).normalize();
            assertFalse(Files.exists(landing), landing + " exists before the pull");
            RegistryResponseException e = assertThrows(RegistryResponseException.class,
                    () -> new PlatformPuller(client).pull(ref("fita/evil:x"), Platform.parse("zephyr/arm/v7"), out));
            assertTrue(e.getMessage().contains("'" + title + "'"), e.getMessage());
            assertFalse(Files.exists(landing), "the layer titled " + title + " was written to " + landing);
            assertFalse(Files.exists(tmp.resolve("out")), "nothing written for " + title);
        }
    }

    @Test
    void skopeoReadsEachPlatformBack() {
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("layout"), "skopeo");
        push(image, ref("fita/skopeo:1"));
        String source = "docker://" + registry.host() + "/fita/skopeo:1";
        byte[] raw = Tools.run(TIMEOUT, skopeo, "inspect", "--tls-verify=false", "--raw", source).assertSuccess()
                .stdout().getBytes();
        assertEquals(image.root().digest(), Digest.sha256(raw));

        Path zephyr = tmp.resolve("zephyr-copy");
        Tools.run(TIMEOUT, skopeo, "--insecure-policy", "copy", "--src-tls-verify=false", "--override-os", "zephyr",
                "--override-arch", "arm", "--override-variant", "v7", source, "oci:" + zephyr + ":z").assertSuccess();
        Descriptor serviceLayer = image.blobs().get(3);
        assertEquals(MediaTypes.EMBSERVE_SERVICE, serviceLayer.mediaType());
        assertTrue(OciLayout.open(zephyr).hasBlob(serviceLayer.digest()), "skopeo picked the zephyr manifest with service.json");

        Path linux = tmp.resolve("linux-copy");
        Tools.run(TIMEOUT, skopeo, "--insecure-policy", "copy", "--src-tls-verify=false", "--override-os", "linux",
                "--override-arch", "amd64", source, "oci:" + linux + ":l").assertSuccess();
        // The config, not the layer: skopeo may recompress the (uncompressed) test layer on the way.
        OciLayout linuxCopy = OciLayout.open(linux);
        assertTrue(linuxCopy.hasBlob(image.blobs().get(0).digest()));
        assertFalse(linuxCopy.hasBlob(serviceLayer.digest()));
    }

    @Test
    void plainHttpWithoutInsecureIsRecognisedAtTheFirstAnswer() {
        List<String> debug = new java.util.concurrent.CopyOnWriteArrayList<>();
        RegistryClient strict = RegistryClient.builder().debugLog(debug::add).build();
        PlainHttpRegistryException e = assertThrows(PlainHttpRegistryException.class,
                () -> strict.repository(ref("fita/x")).resolve("1"));
        assertEquals(registry.host() + " speaks plain HTTP, not HTTPS; allow insecure registries to use it.", e.getMessage());
        assertEquals(registry.host(), e.registry());
        assertTrue(e.getCause() instanceof javax.net.ssl.SSLException, "the handshake's failure is kept: " + e.getCause());
        // One failed handshake and one plain GET /v2/, nothing retried, nothing else asked.
        assertEquals(List.of("GET https://" + registry.host() + "/v2/ failed: SSLException (Unsupported or unrecognized"
                + " SSL message)", "GET http://" + registry.host() + "/v2/ -> 200"), debug);
        assertThrows(PlainHttpRegistryException.class, () -> strict.ping(ref("fita/x")));
    }
}
