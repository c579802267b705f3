package dev.fita.maven.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.layout.LayoutException;
import dev.fita.oci.layout.LayoutTar;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's import of the OCI tar jib-core writes for one platform, with jib-core itself writing it. */
class JibTarImportTest {
    private static final Platform AMD64 = Platform.parse("linux/amd64");

    @TempDir
    Path tmp;

    private Path jibTar() throws Exception {
        Path file = Files.writeString(tmp.resolve("hello.txt"), "hello from jib\n");
        Path tar = tmp.resolve("jib.tar");
        Jib.fromScratch()
                .addFileEntriesLayer(FileEntriesLayer.builder().addEntry(file, AbsoluteUnixPath.get("/hello.txt")).build())
                .setFormat(ImageFormat.OCI)
                .setCreationTime(Instant.EPOCH)
                .containerize(Containerizer.to(TarImage.at(tar).named("fita-build/amd64:latest"))
                        .setBaseImageLayersCache(tmp.resolve("cache/base"))
                        .setApplicationLayersCache(tmp.resolve("cache/app")));
        return tar;
    }

    @Test
    void movesJibsImageIntoTheLayoutWithoutItsRefName() throws Exception {
        OciLayout target = OciLayout.create(tmp.resolve("layout"));
        Path scratch = tmp.resolve("scratch");

        JibTarImport.ImportedImage image = JibTarImport.importInto(target, jibTar(), scratch, AMD64);

        assertEquals(AMD64, image.platform());
        assertEquals(MediaTypes.OCI_MANIFEST, image.manifest().mediaType());
        assertEquals(null, image.manifest().platform(), "the caller sets the platform, from the configuration");
        assertTrue(image.manifest().annotations().isEmpty(), "jib's ref name is dropped");
        ImageManifest manifest = ImageManifest.fromJson(target.readBlob(image.manifest()));
        assertArrayEquals(target.readBlob(manifest.config()), image.configJson());
        assertTrue(new String(image.configJson(), StandardCharsets.UTF_8).contains("\"architecture\":\"amd64\""));
        assertEquals(1, manifest.layers().size());
        Descriptor layer = manifest.layers().get(0);
        assertTrue(target.hasBlob(layer.digest()));
        assertFalse(OciLayout.open(scratch).hasBlob(layer.digest()), "moved out of the scratch layout, not copied");
        assertEquals(List.of(), target.readIndex().manifests(), "tagging is the build's business");
    }

    @Test
    void aTarWithMoreThanOneImageIsRefusedNamingIt() {
        OciLayout two = OciLayout.create(tmp.resolve("two"));
        two.tag(TestImages.writeLinuxImage(two, TestImages.LINUX_AMD64), List.of("a"));
        two.tag(TestImages.writeLinuxImage(two, TestImages.LINUX_ARM64), List.of("b"));
        Path tar = tmp.resolve("two.tar");
        LayoutTar.export(two, tar);

        LayoutException e = assertThrows(LayoutException.class,
                () -> JibTarImport.importInto(OciLayout.create(tmp.resolve("t")), tar, tmp.resolve("s"), AMD64));
        assertEquals("jib-core wrote 2 manifests to " + tar + " for linux/amd64, expected exactly one", e.getMessage());
    }
}
