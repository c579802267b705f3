package dev.fita.oci.embserve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fita.oci.Annotations;
import dev.fita.oci.Blob;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;

class EmbServeArtifactTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Path CONFIG = Path.of("src", "main", "embserve", "config.json");

    /** The golden input: fixed bytes, so the manifest below can be pinned byte for byte. */
    private static final String GOLDEN_SERVICE = "{\"name\":\"golden\",\"version\":1,\"data_model\":[\"t\"],"
            + "\"service\":\"AGFzbQEAAAA=\",\"dependencies\":{\"sdk_api\":1},"
            + "\"inputs\":[{\"key\":\"in\",\"type\":1}],\"outputs\":[{\"key\":\"out\",\"type\":2}]}\n";

    private static ServiceFile service(String json) {
        return ServiceFile.parse(Path.of("service.json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static EmbServeArtifact withConfig(String configJson, Platform platform) {
        return EmbServeArtifact.build(service(GOLDEN_SERVICE), configJson.getBytes(StandardCharsets.UTF_8), CONFIG,
                platform, null);
    }

    private static String configError(String configJson, Platform platform) {
        return assertThrows(InvalidConfigException.class, () -> withConfig(configJson, platform)).getMessage();
    }

    /**
     * Pins the wire format. The digests were computed once and cross-checked with sha256sum; if
     * this fails, the bytes the far-edge kubelet receives have changed.
     */
    @Test
    void goldenManifestBytesAndDigest() {
        EmbServeArtifact artifact = EmbServeArtifact.build(service(GOLDEN_SERVICE), null, null,
                EmbServeArtifact.DEFAULT_PLATFORM, CREATED);

        assertEquals("{\"architecture\":\"arm\",\"os\":\"zephyr\",\"variant\":\"v7\"}", utf8(artifact.config().bytes()));
        assertEquals("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\"sha256:4273150b09bd37e2c6dd40460366459e0734d61bb249dc13e55626bcd50adaa2\",\"size\":51},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.embserve.v1+json\","
                + "\"digest\":\"sha256:cbe3e98a42883f612c93a2257282ac9e85036fe2f671c4cbe08798b5ac0548e9\",\"size\":171,"
                + "\"annotations\":{\"org.opencontainers.image.title\":\"service.json\"}}],"
                + "\"annotations\":{\"org.opencontainers.image.created\":\"2026-01-01T00:00:00Z\"}}",
                utf8(artifact.manifest().bytes()));
        assertEquals(Digest.parse("sha256:240799e9181bbf8695b1de3087a5bb2db373e618e04b6995e708fbfaef4debd3"),
                artifact.manifest().descriptor().digest());
    }

    @Test
    void layoutOfTheArtifact() {
        ServiceFile service = service(GOLDEN_SERVICE);
        EmbServeArtifact artifact = EmbServeArtifact.build(service, null, null, EmbServeArtifact.DEFAULT_PLATFORM, null);

        assertEquals(List.of(artifact.config(), artifact.service(), artifact.manifest()), artifact.blobs());
        assertEquals(MediaTypes.OCI_CONFIG, artifact.config().descriptor().mediaType());
        assertEquals(MediaTypes.EMBSERVE_SERVICE, artifact.service().descriptor().mediaType());
        assertArrayEquals(service.bytes(), artifact.service().bytes());
        assertEquals(Map.of(Annotations.TITLE, "service.json"), artifact.service().descriptor().annotations());

        ImageManifest manifest = ImageManifest.fromJson(artifact.manifest().bytes());
        assertEquals(MediaTypes.OCI_MANIFEST, manifest.mediaType());
        assertNull(manifest.artifactType());
        assertEquals(artifact.config().descriptor(), manifest.config());
        assertEquals(List.of(artifact.service().descriptor()), manifest.layers());
        assertEquals(Map.of(), manifest.annotations(), "no created annotation without a timestamp");

        Descriptor entry = artifact.indexEntry();
        assertEquals(new Platform("zephyr", "arm", "v7"), entry.platform());
        assertEquals(artifact.manifest().descriptor().withPlatform(entry.platform()), entry);
        assertEquals(MediaTypes.OCI_MANIFEST, entry.mediaType());
    }

    @Test
    void withoutTimestampTheDigestIsReproducible() {
        Digest first = EmbServeArtifact.build(service(GOLDEN_SERVICE), null).manifest().descriptor().digest();
        Digest second = EmbServeArtifact.build(service(GOLDEN_SERVICE), null).manifest().descriptor().digest();
        assertEquals(first, second);
        Digest stamped = EmbServeArtifact.build(service(GOLDEN_SERVICE), CREATED).manifest().descriptor().digest();
        assertTrue(!first.equals(stamped));
    }

    @Test
    void createdIsWholeSecondsUtc() {
        assertEquals("2026-03-04T05:06:07Z", EmbServeArtifact.created(Instant.parse("2026-03-04T05:06:07.891Z")));
    }

    @Test
    void layerIsTitledServiceJsonWhateverTheFileIsCalled() {
        ServiceFile renamed = ServiceFile.parse(Path.of("src", "sensor-v2.json"),
                GOLDEN_SERVICE.getBytes(StandardCharsets.UTF_8));
        EmbServeArtifact artifact = EmbServeArtifact.build(renamed, null);
        assertEquals("service.json", artifact.service().descriptor().annotations().get(Annotations.TITLE));
    }

    @Test
    void customPlatformGeneratesItsOwnConfigAndEntry() {
        Platform riscv = Platform.parse("zephyr/riscv64");
        EmbServeArtifact artifact = EmbServeArtifact.build(service(GOLDEN_SERVICE), null, null, riscv, null);
        assertEquals("{\"architecture\":\"riscv64\",\"os\":\"zephyr\"}", utf8(artifact.config().bytes()));
        assertEquals(riscv, artifact.indexEntry().platform());
    }

    @Test
    void generatedConfigLeavesOutOsVersionAndFeatures() {
        Platform platform = new Platform("zephyr", "arm", "v7", "3.7", List.of("fpu"));
        EmbServeArtifact artifact = EmbServeArtifact.build(service(GOLDEN_SERVICE), null, null, platform, null);
        assertEquals("{\"architecture\":\"arm\",\"os\":\"zephyr\",\"variant\":\"v7\"}", utf8(artifact.config().bytes()));
        assertEquals(platform, artifact.indexEntry().platform());
    }

    @Test
    void userConfigIsUsedByteForByte() {
        String config = "{ \"os\": \"zephyr\",\n  \"architecture\": \"arm\", \"variant\": \"v7\", \"board\": \"nrf52840dk\" }\n";
        EmbServeArtifact artifact = withConfig(config, EmbServeArtifact.DEFAULT_PLATFORM);
        assertEquals(config, utf8(artifact.config().bytes()));
        assertEquals(Blob.of(MediaTypes.OCI_CONFIG, config.getBytes(StandardCharsets.UTF_8)), artifact.config());
    }

    @Test
    void userConfigMayLeaveOutTheVariant() {
        String config = "{\"architecture\":\"arm\",\"os\":\"zephyr\"}";
        EmbServeArtifact artifact = withConfig(config, EmbServeArtifact.DEFAULT_PLATFORM);
        assertEquals(config, utf8(artifact.config().bytes()));
        assertEquals("v7", artifact.indexEntry().platform().variant());
    }

    @Test
    void userConfigForACustomPlatform() {
        String config = "{\"architecture\":\"riscv64\",\"os\":\"zephyr\"}";
        assertEquals(config, utf8(withConfig(config, Platform.parse("zephyr/riscv64")).config().bytes()));
    }

    @Test
    void configDisagreeingWithThePlatformIsRefused() {
        Platform v7 = EmbServeArtifact.DEFAULT_PLATFORM;
        assertEquals(CONFIG + ": field 'os' is 'linux' but platform zephyr/arm/v7 has os 'zephyr'",
                configError("{\"architecture\":\"arm\",\"os\":\"linux\",\"variant\":\"v7\"}", v7));
        assertEquals(CONFIG + ": field 'architecture' is 'arm64' but platform zephyr/arm/v7 has architecture 'arm'",
                configError("{\"architecture\":\"arm64\",\"os\":\"zephyr\",\"variant\":\"v7\"}", v7));
        assertEquals(CONFIG + ": field 'variant' is 'v6' but platform zephyr/arm/v7 has variant 'v7'",
                configError("{\"architecture\":\"arm\",\"os\":\"zephyr\",\"variant\":\"v6\"}", v7));
        assertEquals(CONFIG + ": field 'variant' is 'v7' but platform zephyr/riscv64 has no variant",
                configError("{\"architecture\":\"riscv64\",\"os\":\"zephyr\",\"variant\":\"v7\"}",
                        Platform.parse("zephyr/riscv64")));
        assertEquals(CONFIG + ": field 'architecture' is 'arm' but platform zephyr/riscv64 has architecture 'riscv64'",
                configError("{\"architecture\":\"arm\",\"os\":\"zephyr\"}", Platform.parse("zephyr/riscv64")));
    }

    @Test
    void configInFitasArmv7SpellingNamesTheOciSpelling() {
        Platform v7 = EmbServeArtifact.DEFAULT_PLATFORM;
        assertEquals(CONFIG + ": fields 'os', 'architecture' and 'variant': 'zephyr/armv7' is not a platform as OCI "
                        + "spells it: FITA's far-edge kubelet asks for zephyr/arm/v7 and compares os, architecture and "
                        + "variant exactly; write zephyr/arm/v7 (os zephyr, architecture arm, variant v7)",
                configError("{\"architecture\":\"armv7\",\"os\":\"zephyr\"}", v7));
        assertTrue(configError("{\"architecture\":\"arm\",\"os\":\"zephyr\",\"variant\":\"7\"}", v7)
                .contains("'zephyr/arm/7' is not a platform as OCI spells it"));
        assertTrue(configError("{\"architecture\":\"arm\",\"os\":\"Zephyr\",\"variant\":\"v7\"}", v7)
                .contains("write zephyr/arm/v7"));
    }

    @Test
    void configMustNameOsAndArchitectureAsStrings() {
        Platform v7 = EmbServeArtifact.DEFAULT_PLATFORM;
        assertEquals(CONFIG + ": field 'os' is required and must be 'zephyr' for platform zephyr/arm/v7",
                configError("{\"architecture\":\"arm\"}", v7));
        assertEquals(CONFIG + ": field 'architecture' is required and must be 'arm' for platform zephyr/arm/v7",
                configError("{\"os\":\"zephyr\"}", v7));
        assertEquals(CONFIG + ": field 'variant' must be a string, not an integer",
                configError("{\"architecture\":\"arm\",\"os\":\"zephyr\",\"variant\":7}", v7));
    }

    @Test
    void configMustBeAJsonObject() {
        Platform v7 = EmbServeArtifact.DEFAULT_PLATFORM;
        assertEquals(CONFIG + ": the top level must be a JSON object, not an array",
                configError("[\"zephyr\",\"arm\"]", v7));
        assertEquals(CONFIG + " is empty", configError("", v7));
        String syntax = configError("{\n\"os\": zephyr}", v7);
        assertTrue(syntax.startsWith(CONFIG + ":2:"), syntax);
    }

    @Test
    void configWithoutPathIsCalledConfigJsonInMessages() {
        String message = assertThrows(InvalidConfigException.class, () -> EmbServeArtifact.build(
                service(GOLDEN_SERVICE), "{}".getBytes(StandardCharsets.UTF_8), null,
                EmbServeArtifact.DEFAULT_PLATFORM, null)).getMessage();
        assertEquals("config.json: field 'os' is required and must be 'zephyr' for platform zephyr/arm/v7", message);
    }
}
