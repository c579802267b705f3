package dev.fita.oci.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fita.oci.Json;
import dev.fita.oci.testing.ProcessResult;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestImages.MultiPlatformImage;
import dev.fita.oci.testing.Tools;

/** A layout this library writes (and one that went through a tar) is read by skopeo and umoci. */
class LayoutToolsTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String REF = "0.0.1";

    @TempDir
    Path tmp;

    @Test
    void skopeoSelectsTheZephyrEntryAndCopiesServiceJsonUnchanged() throws IOException {
        MultiPlatformImage image = TestImages.writeMultiPlatform(tmp.resolve("layout"), REF);
        assertServiceJsonCopiedBySkopeo(image.layout().root(), image.serviceJson());
    }

    @Test
    void skopeoAndUmociUnpackTheArm64Image() throws IOException {
        MultiPlatformImage image = TestImages.writeMultiPlatform(tmp.resolve("layout"), REF);
        assertArm64UnpackedByUmoci(image.layout().root());
    }

    @Test
    void aLayoutExportedToTarAndImportedAgainStillWorksWithTheTools() throws IOException {
        MultiPlatformImage image = TestImages.writeMultiPlatform(tmp.resolve("layout"), REF);
        Path tar = tmp.resolve("image.tar");
        LayoutTar.export(image.layout(), tar);
        OciLayout imported = LayoutTar.importTar(tar, tmp.resolve("imported"));
        assertServiceJsonCopiedBySkopeo(imported.root(), image.serviceJson());
        assertArm64UnpackedByUmoci(imported.root());
    }

    @Test
    void skopeoReadsTheIndexWithAllThreePlatforms() throws IOException {
        String skopeo = Tools.require("skopeo", "skopeo").toString();
        MultiPlatformImage image = TestImages.writeMultiPlatform(tmp.resolve("layout"), REF);
        String raw = Tools.run(TIMEOUT, skopeo, "inspect", "--raw",
                "oci:" + image.layout().root() + ":" + REF).assertSuccess().stdout();
        JsonNode index = Json.mapper().readTree(raw);
        List<String> platforms = new java.util.ArrayList<>();
        index.get("manifests").forEach(m -> platforms.add(m.get("platform").get("os").asText() + "/"
                + m.get("platform").get("architecture").asText()
                + (m.get("platform").has("variant") ? "/" + m.get("platform").get("variant").asText() : "")));
        assertEquals(List.of("linux/amd64", "linux/arm64", "zephyr/arm/v7"), platforms);
    }

    @Test
    void aMissingToolFailsTheTestWithAnInstallHint() {
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> Tools.require("fita-no-such-tool", "fita-no-such-package"));
        assertEquals("fita-no-such-tool is not installed: install it with `apt-get install fita-no-such-package`"
                + " or run scripts/test", e.getMessage());
    }

    @Test
    void aToolThatHangsIsKilledAtTheTimeout() {
        String sleep = Tools.require("sleep", "coreutils").toString();
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> Tools.run(Duration.ofMillis(300), sleep, "600"));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        ProcessResult ok = Tools.run(TIMEOUT, Tools.require("sh", "dash").toString(), "-c", "echo out; echo err >&2; exit 3");
        assertEquals(new ProcessResult(List.of(Tools.require("sh", "dash").toString(), "-c",
                "echo out; echo err >&2; exit 3"), 3, "out\n", "err\n"), ok);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, ok::assertSuccess);
    }

    private void assertServiceJsonCopiedBySkopeo(Path layoutDir, byte[] serviceJson) throws IOException {
        String skopeo = Tools.require("skopeo", "skopeo").toString();
        Path out = tmp.resolve("zephyr-out-" + layoutDir.getFileName());
        Tools.run(TIMEOUT, skopeo, "--insecure-policy", "copy",
                "--override-os", "zephyr", "--override-arch", "arm", "--override-variant", "v7",
                "oci:" + layoutDir + ":" + REF, "dir:" + out).assertSuccess();

        JsonNode manifest = Json.mapper().readTree(out.resolve("manifest.json").toFile());
        JsonNode layers = manifest.get("layers");
        assertEquals(1, layers.size(), manifest.toString());
        JsonNode layer = layers.get(0);
        assertEquals("application/vnd.embserve.v1+json", layer.get("mediaType").asText());
        assertEquals("service.json", layer.get("annotations").get("org.opencontainers.image.title").asText());
        String hex = layer.get("digest").asText().substring("sha256:".length());
        assertArrayEquals(serviceJson, Files.readAllBytes(out.resolve(hex)));

        String configHex = manifest.get("config").get("digest").asText().substring("sha256:".length());
        assertEquals(TestImages.ZEPHYR_CONFIG, Files.readString(out.resolve(configHex)));
    }

    private void assertArm64UnpackedByUmoci(Path layoutDir) throws IOException {
        String skopeo = Tools.require("skopeo", "skopeo").toString();
        String umoci = Tools.require("umoci", "umoci").toString();
        Path single = tmp.resolve("arm64-" + layoutDir.getFileName());
        Tools.run(TIMEOUT, skopeo, "--insecure-policy", "copy",
                "--override-os", "linux", "--override-arch", "arm64",
                "oci:" + layoutDir + ":" + REF, "oci:" + single + ":x").assertSuccess();

        Path bundle = tmp.resolve("bundle-" + layoutDir.getFileName());
        Tools.run(TIMEOUT, umoci, "unpack", "--rootless", "--image", single + ":x", bundle.toString()).assertSuccess();

        Path rootfs = bundle.resolve("rootfs");
        Path hello = rootfs.resolve(TestImages.helloFileName(TestImages.LINUX_ARM64));
        assertArrayEquals(TestImages.helloContent(TestImages.LINUX_ARM64), Files.readAllBytes(hello));
        assertFalse(Files.exists(rootfs.resolve(TestImages.helloFileName(TestImages.LINUX_AMD64))),
                "umoci unpacked the amd64 layer instead of the arm64 one");
        assertTrue(Files.isRegularFile(bundle.resolve("config.json")));
    }
}
