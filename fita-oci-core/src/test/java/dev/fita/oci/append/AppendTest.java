package dev.fita.oci.append;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.Blob;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.embserve.EmbServeArtifact;
import dev.fita.oci.embserve.ServiceFile;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.content.CopyListener;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.registry.ErrorCode;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.NotFoundException;
import dev.fita.oci.registry.PlatformPuller;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestRegistry;
import dev.fita.oci.testing.Tools;

/**
 * fita:append's core against real CNCF Distribution registries: sources pushed with skopeo as if
 * built elsewhere (an OCI index, a Docker manifest list, a single manifest), read back with skopeo.
 */
class AppendTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Platform ZEPHYR = EmbServeArtifact.DEFAULT_PLATFORM;

    private static TestRegistry registry;
    private static TestRegistry other;
    private static String skopeo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        skopeo = Tools.require("skopeo", "skopeo").toString();
        registry = TestRegistry.start();
        other = TestRegistry.start();
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (other != null) {
            other.close();
        }
    }

    /** A fresh client per append, so no blob locations leak between tests into mount decisions. */
    private static RegistryClient client() {
        return RegistryClient.builder().allowInsecure(true).build();
    }

    private static ImageReference ref(TestRegistry r, String repoAndTag) {
        return ImageReference.parse(r.host() + "/" + repoAndTag);
    }

    private static EmbServeArtifact artifact() {
        return EmbServeArtifact.build(ServiceFile.parse(Path.of("service.json"), TestImages.serviceJson()), null);
    }

    /** A linux/amd64 + linux/arm64 OCI index in a layout under {@code refName}. */
    private Path linuxLayout(String refName) {
        Path dir = tmp.resolve("layout-" + refName);
        OciLayout layout = OciLayout.create(dir);
        Descriptor amd64 = TestImages.writeLinuxImage(layout, TestImages.LINUX_AMD64);
        Descriptor arm64 = TestImages.writeLinuxImage(layout, TestImages.LINUX_ARM64);
        Descriptor index = layout.writeBlob(MediaTypes.OCI_INDEX, ImageIndex.oci(List.of(amd64, arm64), null).toJson());
        layout.tag(index, List.of(refName));
        layout.tag(amd64, List.of(refName + "-amd64"));
        return dir;
    }

    /** {@code skopeo copy --all} from the layout to the registry, optionally converting to Docker v2s2. */
    private void skopeoPush(Path layout, String refName, ImageReference target, boolean dockerV2s2) {
        List<String> cmd = new java.util.ArrayList<>(List.of(skopeo, "--insecure-policy", "copy", "--all",
                "--dest-tls-verify=false"));
        if (dockerV2s2) {
            cmd.addAll(List.of("--format", "v2s2"));
        }
        cmd.add("oci:" + layout + ":" + refName);
        cmd.add("docker://" + target);
        Tools.run(TIMEOUT, cmd.toArray(String[]::new)).assertSuccess();
    }

    private static byte[] raw(ImageReference ref) {
        return Tools.run(TIMEOUT, skopeo, "inspect", "--raw", "--tls-verify=false", "docker://" + ref).assertSuccess()
                .stdout().getBytes(StandardCharsets.UTF_8);
    }

    /** Records which blobs the push uploaded and mounted. */
    private static final class Recorder implements CopyListener {
        final List<Digest> uploaded = new CopyOnWriteArrayList<>();
        final List<Digest> mounted = new CopyOnWriteArrayList<>();

        @Override public void blobCopied(Descriptor d) { uploaded.add(d.digest()); }
        @Override public void blobMounted(Descriptor d, String from) { mounted.add(d.digest()); }
    }

    /** Pushes a layout's image as if another tool had built it. */
    private static void pushWithFita(OciLayout layout, Descriptor root, ImageReference target) {
        new GraphCopy().copy(layout, root, client().target(target), target.tagsWith(List.of()), null);
    }

    private static Set<Digest> digests(List<Blob> blobs) {
        return blobs.stream().map(b -> b.descriptor().digest()).collect(Collectors.toSet());
    }

    /** The service.json as skopeo copies the zephyr/arm/v7 entry, by layer digest, from a {@code dir:} copy. */
    private byte[] skopeoServiceJson(ImageReference ref, EmbServeArtifact artifact) throws Exception {
        Path out = tmp.resolve("zephyr-" + System.nanoTime());
        Tools.run(TIMEOUT, skopeo, "--insecure-policy", "--override-os", "zephyr", "--override-arch", "arm",
                "--override-variant", "v7", "copy", "--src-tls-verify=false", "docker://" + ref, "dir:" + out)
                .assertSuccess();
        return Files.readAllBytes(out.resolve(artifact.service().descriptor().digest().encoded()));
    }

    @Test
    void ociIndexOnTheSameRegistryIsMountedAndKeptByteForByte() throws Exception {
        Path layout = linuxLayout("oci");
        ImageReference source = ref(registry, "src/oci:1");
        skopeoPush(layout, "oci", source, false);
        ImageIndex sourceIndex = ImageIndex.fromJson(raw(source));
        EmbServeArtifact artifact = artifact();

        Recorder recorder = new Recorder();
        ImageReference target = ref(registry, "fita/oci:1");
        AppendResult result = new ImageAppender(client()).append(source, target, List.of("stable"), artifact, recorder);

        ImageIndex appended = ImageIndex.fromJson(raw(target));
        assertEquals(MediaTypes.OCI_INDEX, appended.mediaType());
        assertEquals(3, appended.manifests().size());
        for (int i = 0; i < 2; i++) {
            Descriptor entry = appended.manifests().get(i);
            assertEquals(sourceIndex.manifests().get(i), entry);
            assertArrayEquals(raw(source.withDigest(entry.digest())), raw(target.withDigest(entry.digest())));
        }
        assertEquals(artifact.indexEntry(), appended.manifests().get(2));
        assertArrayEquals(TestImages.serviceJson(), skopeoServiceJson(target, artifact));
        Path pulled = tmp.resolve("pulled");
        new PlatformPuller(client()).pull(target.withTag("stable"), ZEPHYR, pulled);
        assertArrayEquals(TestImages.serviceJson(), Files.readAllBytes(pulled.resolve("service.json")));

        // Same registry: every source blob is mounted, only the embServe config and service.json go up.
        assertEquals(4, result.push().blobsMounted(), "two configs and two layers: " + result);
        assertEquals(4, recorder.mounted.size());
        assertEquals(2, recorder.uploaded.size(), recorder.uploaded.toString());
        assertTrue(digests(artifact.blobs()).containsAll(recorder.uploaded), recorder.uploaded.toString());
        assertEquals(List.of("1", "stable"), result.push().tags());
        assertEquals(result.index().digest(), Digest.sha256(raw(target.withTag("stable"))));

        // Twice: same index, nothing uploaded.
        Recorder again = new Recorder();
        AppendResult second = new ImageAppender(client()).append(source, target, List.of("stable"), artifact, again);
        assertEquals(result.index(), second.index());
        assertEquals(0, second.push().blobsCopied());
        assertEquals(0, second.push().blobsMounted());
        assertEquals(0, second.push().manifestsCopied(), "the index is there under its digest: nothing is sent again");
        assertEquals(0, second.push().tagsMoved());
        assertEquals(List.of(), again.uploaded);
    }

    @Test
    void dockerManifestListOnAnotherRegistryIsStreamedAndNotReEncoded() throws Exception {
        Path layout = linuxLayout("docker");
        ImageReference source = ref(registry, "src/docker:1");
        skopeoPush(layout, "docker", source, true);
        byte[] sourceBytes = raw(source);
        ImageIndex sourceList = ImageIndex.fromJson(sourceBytes);
        assertEquals(MediaTypes.DOCKER_MANIFEST_LIST, sourceList.mediaType(), new String(sourceBytes, StandardCharsets.UTF_8));
        EmbServeArtifact artifact = artifact();

        Recorder recorder = new Recorder();
        ImageReference target = ref(other, "fita/docker:2");
        AppendResult result = new ImageAppender(client()).append(source, target, List.of(), artifact, recorder);

        ImageIndex appended = ImageIndex.fromJson(raw(target));
        assertEquals(MediaTypes.OCI_INDEX, appended.mediaType());
        assertEquals(3, appended.manifests().size());
        for (int i = 0; i < 2; i++) {
            Descriptor entry = appended.manifests().get(i);
            assertEquals(MediaTypes.DOCKER_MANIFEST, entry.mediaType());
            assertEquals(sourceList.manifests().get(i).digest(), entry.digest());
            assertEquals(sourceList.manifests().get(i).platform(), entry.platform());
            byte[] copied = raw(target.withDigest(entry.digest()));
            assertArrayEquals(raw(source.withDigest(entry.digest())), copied);
            assertEquals(MediaTypes.DOCKER_MANIFEST, ImageManifest.fromJson(copied).mediaType());
        }
        assertEquals(artifact.indexEntry(), appended.manifests().get(2));
        assertArrayEquals(TestImages.serviceJson(), skopeoServiceJson(target, artifact));

        // Another registry: nothing to mount from, every blob streamed across (2 configs, 2 layers, 2 embServe blobs).
        assertEquals(0, result.push().blobsMounted());
        assertEquals(6, result.push().blobsCopied(), result.toString());
        // skopeo can copy the linux/arm64 image out of the target, layers and all.
        Tools.run(TIMEOUT, skopeo, "--insecure-policy", "--override-os", "linux", "--override-arch", "arm64", "copy",
                "--src-tls-verify=false", "docker://" + target, "oci:" + tmp.resolve("arm64") + ":x").assertSuccess();
    }

    @Test
    void streamedBlobsLargerThanTheChunkSizeGoUpInChunks() {
        Path dir = tmp.resolve("layout-chunks");
        OciLayout layout = OciLayout.create(dir);
        byte[] big = new byte[11 * 1024 * 1024];
        new java.util.Random(11).nextBytes(big);
        Descriptor amd64 = TestImages.writeLinuxImage(layout, TestImages.LINUX_AMD64, java.util.Map.of("big.bin", big));
        Descriptor arm64 = TestImages.writeLinuxImage(layout, TestImages.LINUX_ARM64);
        layout.tag(layout.writeBlob(MediaTypes.OCI_INDEX, ImageIndex.oci(List.of(amd64, arm64), null).toJson()),
                List.of("chunks"));
        ImageReference source = ref(registry, "src/chunks:1");
        skopeoPush(dir, "chunks", source, false);
        RegistryClient chunking = RegistryClient.builder().allowInsecure(true)
                .chunkSize(RegistryClient.MIN_CHUNK_SIZE).build();
        ImageReference target = ref(other, "fita/chunks:1");

        AppendResult result = new ImageAppender(chunking, 2).append(source, target, List.of(), artifact(), null);

        assertEquals(6, result.push().blobsCopied(), result.toString());
        assertTrue(result.push().bytesCopied() > 2 * RegistryClient.MIN_CHUNK_SIZE, "a blob spans three chunks: " + result);
        // skopeo verifies every blob's digest while copying both linux images out of the target.
        Tools.run(TIMEOUT, skopeo, "--insecure-policy", "copy", "--all", "--src-tls-verify=false",
                "docker://" + target, "oci:" + tmp.resolve("chunks-out") + ":x").assertSuccess();
    }

    @Test
    void singleManifestBecomesAnIndexWithItsConfigPlatform() {
        Path layout = linuxLayout("single");
        ImageReference source = ref(registry, "src/single:1");
        skopeoPush(layout, "single-amd64", source, false);
        byte[] manifest = raw(source);

        AppendResult result = new ImageAppender(client()).append(source, ref(registry, "fita/single:1"), List.of(),
                artifact(), null);

        Descriptor entry = result.entries().get(0);
        assertEquals(Digest.sha256(manifest), entry.digest());
        assertEquals(TestImages.LINUX_AMD64, entry.platform());
        assertEquals(ZEPHYR, result.entries().get(1).platform());
        assertEquals(2, ImageIndex.fromJson(raw(ref(registry, "fita/single:1"))).manifests().size());
    }

    @Test
    void rewritingInPlaceMovesTheTagOnceAndTwiceGivesTheSameDigest() {
        Path layout = linuxLayout("inplace");
        ImageReference image = ref(registry, "apps/inplace:1");
        skopeoPush(layout, "inplace", image, false);
        ImageIndex before = ImageIndex.fromJson(raw(image));

        Recorder recorder = new Recorder();
        AppendResult first = new ImageAppender(client()).append(image, image, List.of(), artifact(), recorder);
        ImageIndex after = ImageIndex.fromJson(raw(image));
        assertEquals(first.index().digest(), Digest.sha256(after.toJson()));
        assertEquals(before.manifests(), after.manifests().subList(0, 2));
        assertEquals(List.of("1"), first.push().tags());
        assertEquals(0, first.push().blobsMounted(), "the blobs are already in the repository");
        assertEquals(4, first.push().blobsPresent(), first.toString());

        // The second run reads the appended index and replaces its zephyr entry with the same one.
        AppendResult second = new ImageAppender(client()).append(image, image, List.of(), artifact(), null);
        assertEquals(first.index(), second.index());
        assertEquals(3, ImageIndex.fromJson(raw(image)).manifests().size());
        assertEquals(0, second.push().blobsCopied());
    }

    @Test
    void aNewServiceReplacesTheEarlierEmbServeEntry() {
        Path layout = linuxLayout("replace");
        ImageReference image = ref(registry, "apps/replace:1");
        skopeoPush(layout, "replace", image, false);
        new ImageAppender(client()).append(image, image, List.of(), artifact(), null);

        byte[] v2 = new String(TestImages.serviceJson(), StandardCharsets.UTF_8).replace("\"version\": 1", "\"version\": 2")
                .getBytes(StandardCharsets.UTF_8);
        EmbServeArtifact newer = EmbServeArtifact.build(ServiceFile.parse(Path.of("service.json"), v2), null);
        AppendResult result = new ImageAppender(client()).append(image, image, List.of(), newer, null);

        List<Descriptor> entries = ImageIndex.fromJson(raw(image)).manifests();
        assertEquals(3, entries.size());
        assertEquals(newer.indexEntry(), entries.get(2));
        assertEquals(result.entries(), entries);
    }

    @Test
    void anEmbServePlatformThatIsAContainerImageIsRefused() {
        Path layout = linuxLayout("clash");
        ImageReference image = ref(registry, "apps/clash:1");
        skopeoPush(layout, "clash", image, false);
        EmbServeArtifact onLinux = EmbServeArtifact.build(ServiceFile.parse(Path.of("service.json"),
                TestImages.serviceJson()), null, null, TestImages.LINUX_AMD64, null);

        AppendException e = assertThrows(AppendException.class,
                () -> new ImageAppender(client()).append(image, ref(registry, "apps/clash:2"), List.of(), onLinux, null));
        assertTrue(e.getMessage().contains("linux/amd64") && e.getMessage().contains("not an embServe artifact"),
                e.getMessage());
    }

    @Test
    void anEntryWithoutPlatformIsRefusedWithOneSentence() {
        Path dir = tmp.resolve("noplatform");
        OciLayout layout = OciLayout.create(dir);
        Descriptor amd64 = TestImages.writeLinuxImage(layout, TestImages.LINUX_AMD64);
        Descriptor bare = amd64.withPlatform(null);
        Descriptor index = layout.writeBlob(MediaTypes.OCI_INDEX, ImageIndex.oci(List.of(bare), null).toJson());
        ImageReference source = ref(registry, "src/noplatform:1");
        pushWithFita(layout, index, source);

        AppendException e = assertThrows(AppendException.class,
                () -> new ImageAppender(client()).append(source, ref(registry, "fita/noplatform:1"), List.of(),
                        artifact(), null));
        assertEquals("The entry " + amd64.digest() + " of " + source + " has no platform, so it cannot be selected "
                + "next to the embServe entry; give every image of the source index a platform.", e.getMessage());
        assertEquals(404, status(ref(registry, "fita/noplatform:1")), "nothing may be pushed");
    }

    @Test
    void aNestedIndexIsRefusedWithOneSentence() {
        Path dir = tmp.resolve("nested");
        OciLayout layout = OciLayout.create(dir);
        Descriptor amd64 = TestImages.writeLinuxImage(layout, TestImages.LINUX_AMD64);
        Descriptor inner = layout.writeBlob(MediaTypes.OCI_INDEX, ImageIndex.oci(List.of(amd64), null).toJson())
                .withPlatform(TestImages.LINUX_AMD64);
        Descriptor outer = layout.writeBlob(MediaTypes.OCI_INDEX, ImageIndex.oci(List.of(inner), null).toJson());
        ImageReference source = ref(registry, "src/nested:1");
        pushWithFita(layout, outer, source);

        AppendException e = assertThrows(AppendException.class,
                () -> new ImageAppender(client()).append(source, ref(registry, "fita/nested:1"), List.of(),
                        artifact(), null));
        assertEquals("The entry " + inner.digest() + " of " + source + " is itself an image index ("
                + MediaTypes.OCI_INDEX + "); fita:append needs the image manifests directly in the top-level index.",
                e.getMessage());
    }

    @Test
    void aBlobMissingAtTheSourceFailsTheStreamWithTheSourcesErrorAndMovesNoTag() throws Exception {
        Path dir = tmp.resolve("gap");
        OciLayout layout = OciLayout.create(dir);
        Descriptor amd64 = TestImages.writeLinuxImage(layout, TestImages.LINUX_AMD64);
        Descriptor index = layout.writeBlob(MediaTypes.OCI_INDEX, ImageIndex.oci(List.of(amd64), null).toJson());
        ImageReference source = ref(registry, "src/gap:1");
        pushWithFita(layout, index, source);
        Descriptor layer = ImageManifest.fromJson(layout.readBlob(amd64.withPlatform(null))).layers().get(0);
        java.net.HttpURLConnection delete = (java.net.HttpURLConnection) new java.net.URL("http://" + registry.host()
                + "/v2/src/gap/blobs/" + layer.digest()).openConnection();
        delete.setRequestMethod("DELETE");
        assertEquals(202, delete.getResponseCode());
        delete.disconnect();

        ImageReference target = ref(other, "fita/gap:1");
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> new ImageAppender(client()).append(source, target, List.of(), artifact(), null));
        assertTrue(e.getMessage().startsWith(registry.host() + " has no such content in src/gap (fetching blob "
                + layer.digest() + ")"), e.getMessage());
        assertEquals(List.of(ErrorCode.BLOB_UNKNOWN), e.codes());
        assertEquals(404, status(target), "the tag must not move");
    }

    /** The HTTP status skopeo's read-back would meet: 404 when the tag does not exist. */
    private static int status(ImageReference ref) {
        return client().repository(ref).resolve(ref.referenceOrTag()).isPresent() ? 200 : 404;
    }
}
