package dev.fita.oci.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.embserve.EmbServeArtifact;
import dev.fita.oci.embserve.ServiceFile;

class IndexComposerTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An image config as jib-core writes it (no variant), plus a field we ignore. */
    private static byte[] config(String arch) {
        return utf8("{\"created\":\"1970-01-01T00:00:00Z\",\"architecture\":\"" + arch + "\",\"os\":\"linux\","
                + "\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}");
    }

    private static Descriptor manifest(String seed) {
        return Descriptor.of(MediaTypes.OCI_MANIFEST, utf8("manifest " + seed));
    }

    private static Descriptor zephyrEntry() {
        ServiceFile service = ServiceFile.parse(Path.of("service.json"),
                utf8("{\"name\":\"s\",\"version\":1,\"service\":\"QQ==\"}"));
        return EmbServeArtifact.build(service, null).indexEntry();
    }

    private static List<Platform> platforms(ImageIndex index) {
        return index.manifests().stream().map(Descriptor::platform).toList();
    }

    @Test
    void imagesInAddOrderThenArtifacts() {
        Descriptor amd64 = manifest("amd64");
        Descriptor arm64 = manifest("arm64");
        Descriptor zephyr = zephyrEntry();
        ImageIndex index = new IndexComposer()
                .addEntry(zephyr)                                    // artifacts go last whatever the call order
                .addImage(arm64, config("arm64"), Platform.parse("linux/arm64"))
                .addImage(amd64, config("amd64"), null)
                .compose(null);

        assertEquals(MediaTypes.OCI_INDEX, index.mediaType());
        assertEquals(List.of(Platform.parse("linux/arm64"), Platform.parse("linux/amd64"),
                Platform.parse("zephyr/arm/v7")), platforms(index));
        assertEquals(List.of(arm64.digest(), amd64.digest(), zephyr.digest()),
                index.manifests().stream().map(Descriptor::digest).toList());
        assertEquals(zephyr, index.manifests().get(2));
        assertEquals(Map.of(), index.annotations());
    }

    @Test
    void indexAnnotations() {
        ImageIndex index = new IndexComposer().addEntry(zephyrEntry())
                .compose(Map.of("org.opencontainers.image.created", "2026-01-01T00:00:00Z"));
        assertEquals(Map.of("org.opencontainers.image.created", "2026-01-01T00:00:00Z"), index.annotations());
    }

    @Test
    void configuredVariantWinsBecauseJibDropsIt() {
        ImageIndex index = new IndexComposer()
                .addImage(manifest("arm"), config("arm"), Platform.parse("linux/arm/v7"))
                .compose(null);
        assertEquals(List.of(Platform.parse("linux/arm/v7")), platforms(index));
    }

    @Test
    void platformComesFromTheImageConfigVariantAndOsVersionIncluded() {
        byte[] windows = utf8("{\"architecture\":\"amd64\",\"os\":\"windows\",\"os.version\":\"10.0.17763.1\","
                + "\"os.features\":[\"win32k\"]}");
        byte[] armV6 = utf8("{\"architecture\":\"arm\",\"os\":\"linux\",\"variant\":\"v6\"}");
        ImageIndex index = new IndexComposer()
                .addImage(manifest("win"), windows, null)
                .addImage(manifest("v6"), armV6, null)
                .addImage(manifest("v6-configured"), armV6, Platform.parse("linux/arm/v5"))
                .addImage(manifest("v8-configured-without-variant"), utf8("{\"architecture\":\"arm\",\"os\":\"linux\","
                        + "\"variant\":\"v8\"}"), Platform.parse("linux/arm"))
                .compose(null);
        assertEquals(List.of(
                new Platform("windows", "amd64", null, "10.0.17763.1", List.of("win32k")),
                Platform.parse("linux/arm/v6"),
                Platform.parse("linux/arm/v5"),
                Platform.parse("linux/arm/v8")), platforms(index));
    }

    @Test
    void configuredOsOrArchitectureMismatchIsRefused() {
        Descriptor m = manifest("amd64");
        CompositionException arch = assertThrows(CompositionException.class,
                () -> new IndexComposer().addImage(m, config("amd64"), Platform.parse("linux/arm64")));
        assertEquals("the image " + m.digest() + " was configured for linux/arm64 but its image config says "
                + "linux/amd64", arch.getMessage());
        CompositionException os = assertThrows(CompositionException.class,
                () -> new IndexComposer().addImage(m, config("amd64"), Platform.parse("windows/amd64")));
        assertTrue(os.getMessage().contains("configured for windows/amd64"), os.getMessage());
    }

    @Test
    void duplicatePlatformIsRefused() {
        Descriptor first = manifest("one");
        Descriptor second = manifest("two");
        IndexComposer composer = new IndexComposer()
                .addImage(first, config("amd64"), null)
                .addImage(second, config("amd64"), Platform.parse("linux/amd64"));
        CompositionException e = assertThrows(CompositionException.class, () -> composer.compose(null));
        assertEquals("platform linux/amd64 appears twice in the image index (" + first.digest() + " and "
                + second.digest() + "); each platform may have only one entry", e.getMessage());
    }

    @Test
    void duplicateArtifactPlatformIsRefused() {
        IndexComposer composer = new IndexComposer().addEntry(zephyrEntry()).addEntry(zephyrEntry());
        CompositionException e = assertThrows(CompositionException.class, () -> composer.compose(null));
        assertTrue(e.getMessage().startsWith("platform zephyr/arm/v7 appears twice"), e.getMessage());
    }

    @Test
    void differentVariantsAreDifferentPlatforms() {
        ImageIndex index = new IndexComposer()
                .addImage(manifest("v6"), config("arm"), Platform.parse("linux/arm/v6"))
                .addImage(manifest("v7"), config("arm"), Platform.parse("linux/arm/v7"))
                .compose(null);
        assertEquals(2, index.manifests().size());
    }

    @Test
    void entryWithoutPlatformIsRefused() {
        Descriptor bare = manifest("bare");
        CompositionException e = assertThrows(CompositionException.class, () -> new IndexComposer().addEntry(bare));
        assertEquals("the index entry " + bare.digest() + " (" + MediaTypes.OCI_MANIFEST
                + ") has no platform; every entry needs one", e.getMessage());
    }

    @Test
    void imageConfigWithoutPlatformIsRefused() {
        Descriptor m = manifest("m");
        CompositionException noOs = assertThrows(CompositionException.class,
                () -> new IndexComposer().addImage(m, utf8("{\"architecture\":\"amd64\"}"), null));
        assertEquals("the image config of " + m.digest() + " has no 'os', so its platform is unknown",
                noOs.getMessage());
        CompositionException notJson = assertThrows(CompositionException.class,
                () -> new IndexComposer().addImage(m, utf8("{oops"), null));
        assertEquals("the image config of " + m.digest() + " is not valid JSON", notJson.getMessage());
        CompositionException notObject = assertThrows(CompositionException.class,
                () -> new IndexComposer().addImage(m, utf8("[]"), null));
        assertEquals("the image config of " + m.digest() + " is not a JSON object", notObject.getMessage());
        CompositionException badType = assertThrows(CompositionException.class,
                () -> new IndexComposer().addImage(m, utf8("{\"os\":\"linux\",\"architecture\":1}"), null));
        assertEquals("the image config of " + m.digest() + " has 'architecture' that is not a string",
                badType.getMessage());
    }

    @Test
    void emptyIndexIsRefused() {
        CompositionException e = assertThrows(CompositionException.class, () -> new IndexComposer().compose(null));
        assertEquals("an image index needs at least one entry, but none was added", e.getMessage());
    }

    @Test
    void composingTwiceGivesTheSameDigest() {
        Digest first = Digest.sha256(sample().compose(Map.of("a", "1", "b", "2")).toJson());
        Digest second = Digest.sha256(sample().compose(Map.of("b", "2", "a", "1")).toJson());
        assertEquals(first, second);
        IndexComposer reused = sample();
        assertEquals(Digest.sha256(reused.compose(null).toJson()), Digest.sha256(reused.compose(null).toJson()));
    }

    private static IndexComposer sample() {
        return new IndexComposer()
                .addImage(manifest("amd64"), config("amd64"), Platform.parse("linux/amd64"))
                .addImage(manifest("arm64"), config("arm64"), Platform.parse("linux/arm64"))
                .addEntry(zephyrEntry());
    }
}
