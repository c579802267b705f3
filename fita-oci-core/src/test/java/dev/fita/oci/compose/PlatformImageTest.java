package dev.fita.oci.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.content.ReadableStorage;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.testing.TestImages;

class PlatformImageTest {

    private static final Platform ARM_V7 = Platform.parse("linux/arm/v7");

    @TempDir
    Path dir;

    /** The layout, recording every descriptor read. */
    private record Recording(OciLayout layout, List<Descriptor> reads) implements ReadableStorage {
        @Override
        public InputStream fetch(Descriptor d) {
            reads.add(d);
            return layout.fetch(d);
        }

        @Override
        public byte[] fetchAll(Descriptor d) {
            reads.add(d);
            return layout.fetchAll(d);
        }

        @Override
        public boolean exists(Descriptor d) {
            return layout.exists(d);
        }

        @Override
        public Optional<Descriptor> resolve(String reference) {
            return layout.resolve(reference);
        }
    }

    private Recording store(OciLayout layout) {
        return new Recording(layout, new ArrayList<>());
    }

    @Test
    void readsTheManifestAndConfigOfTheTagNeverALayer() {
        OciLayout layout = OciLayout.create(dir);
        Descriptor arm64 = TestImages.writeLinuxImage(layout, TestImages.LINUX_ARM64);
        layout.tag(arm64, List.of("1-linux-arm64"));
        Recording store = store(layout);

        PlatformImage image = PlatformImage.find(store, "1-linux-arm64", TestImages.LINUX_ARM64, "x:1-linux-arm64")
                .orElseThrow();

        assertEquals(new Descriptor(arm64.mediaType(), arm64.digest(), arm64.size()), image.manifest().descriptor());
        ImageManifest manifest = ImageManifest.fromJson(image.manifest().bytes());
        assertArrayEquals(layout.readBlob(manifest.config()), image.config());
        assertEquals(List.of(image.manifest().descriptor().digest(), manifest.config().digest()),
                store.reads().stream().map(Descriptor::digest).toList(), "the manifest and the config, nothing else");
    }

    @Test
    void aMissingTagIsEmpty() {
        OciLayout layout = OciLayout.create(dir);
        assertTrue(PlatformImage.find(layout, "1-linux-arm64", TestImages.LINUX_ARM64, "x:1-linux-arm64").isEmpty());
    }

    @Test
    void aConfigWithoutVariantServesTheConfiguredVariantAsJibWritesIt() {
        OciLayout layout = OciLayout.create(dir);
        // jib-core builds linux/arm/v7 as arm: its config names no variant.
        layout.tag(TestImages.writeLinuxImage(layout, Platform.parse("linux/arm")), List.of("1-linux-arm-v7"));
        assertEquals(ARM_V7, PlatformImage.find(layout, "1-linux-arm-v7", ARM_V7, "x").orElseThrow().platform());
    }

    @Test
    void anImageOfAnotherPlatformIsRefused() {
        OciLayout layout = OciLayout.create(dir);
        layout.tag(TestImages.writeLinuxImage(layout, TestImages.LINUX_AMD64), List.of("1-linux-arm64"));
        CompositionException e = assertThrows(CompositionException.class,
                () -> PlatformImage.find(layout, "1-linux-arm64", TestImages.LINUX_ARM64, "r.example/app:1-linux-arm64"));
        assertEquals("r.example/app:1-linux-arm64 holds a linux/amd64 image (its config says os 'linux', architecture "
                + "'amd64'), not linux/arm64", e.getMessage());
    }

    @Test
    void anotherVariantIsRefused() {
        OciLayout layout = OciLayout.create(dir);
        layout.tag(TestImages.writeLinuxImage(layout, Platform.parse("linux/arm/v6")), List.of("1-linux-arm-v7"));
        CompositionException e = assertThrows(CompositionException.class,
                () -> PlatformImage.find(layout, "1-linux-arm-v7", ARM_V7, "r.example/app:1-linux-arm-v7"));
        assertEquals("r.example/app:1-linux-arm-v7 holds a linux/arm/v6 image (its config says os 'linux', "
                + "architecture 'arm', variant 'v6'), not linux/arm/v7", e.getMessage());
    }

    @Test
    void anIndexIsRefused() {
        OciLayout layout = OciLayout.create(dir);
        layout.tag(TestImages.writeLinuxIndex(layout, TestImages.LINUX_AMD64), List.of("1-linux-amd64"));
        CompositionException e = assertThrows(CompositionException.class,
                () -> PlatformImage.find(layout, "1-linux-amd64", TestImages.LINUX_AMD64, "r.example/app:1-linux-amd64"));
        assertEquals("r.example/app:1-linux-amd64 is an image index (" + MediaTypes.OCI_INDEX
                + "), not the single linux/amd64 image manifest a per-platform image must be", e.getMessage());
    }

    @Test
    void aConfigWithoutPlatformIsRefused() {
        OciLayout layout = OciLayout.create(dir);
        Descriptor config = layout.writeBlob(MediaTypes.OCI_CONFIG, "{}".getBytes(StandardCharsets.UTF_8));
        Descriptor manifest = layout.writeBlob(MediaTypes.OCI_MANIFEST, ImageManifest.oci(config, List.of(), null).toJson());
        layout.tag(manifest, List.of("t"));
        CompositionException e = assertThrows(CompositionException.class,
                () -> PlatformImage.find(layout, "t", TestImages.LINUX_AMD64, "r.example/app:t"));
        assertEquals("r.example/app:t is not a usable linux/amd64 image: the image config of r.example/app:t has no "
                + "'os', so its platform is unknown", e.getMessage());
    }
}
