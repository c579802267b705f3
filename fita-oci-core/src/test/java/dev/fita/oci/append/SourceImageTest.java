package dev.fita.oci.append;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.registry.ImageReference;

/** How the appended index is composed from the source's entries, without a registry. */
class SourceImageTest {

    private static Descriptor entry(String mediaType, String content, String platform) {
        return Descriptor.of(mediaType, content.getBytes(StandardCharsets.UTF_8)).withPlatform(Platform.parse(platform));
    }

    private static final Descriptor AMD64 = entry(MediaTypes.DOCKER_MANIFEST, "amd64", "linux/amd64");
    private static final Descriptor ARM64 = entry(MediaTypes.DOCKER_MANIFEST, "arm64", "linux/arm64");
    /** docker buildx adds one attestation manifest per image, all with platform unknown/unknown. */
    private static final Descriptor ATTESTATION_1 = entry(MediaTypes.OCI_MANIFEST, "att1", "unknown/unknown")
            .withAnnotation("vnd.docker.reference.type", "attestation-manifest");
    private static final Descriptor ATTESTATION_2 = entry(MediaTypes.OCI_MANIFEST, "att2", "unknown/unknown")
            .withAnnotation("vnd.docker.reference.type", "attestation-manifest");
    private static final Descriptor OLD_ZEPHYR = entry(MediaTypes.OCI_MANIFEST, "old service", "zephyr/arm/v7");
    private static final Descriptor NEW_ZEPHYR = entry(MediaTypes.OCI_MANIFEST, "new service", "zephyr/arm/v7");

    private static SourceImage source(List<Descriptor> entries, Map<String, String> annotations) {
        return new SourceImage(ImageReference.parse("registry.example.com/team/app:1"),
                Descriptor.of(MediaTypes.DOCKER_MANIFEST_LIST, "list".getBytes(StandardCharsets.UTF_8)), entries,
                annotations);
    }

    @Test
    void keepsEveryEntryInOrderIncludingAttestationsAndAddsTheNewOneLast() {
        ImageIndex index = source(List.of(AMD64, ATTESTATION_1, ARM64, ATTESTATION_2), null).appending(NEW_ZEPHYR);
        assertEquals(MediaTypes.OCI_INDEX, index.mediaType());
        assertEquals(List.of(AMD64, ATTESTATION_1, ARM64, ATTESTATION_2, NEW_ZEPHYR), index.manifests());
    }

    @Test
    void anEarlierEntryOfTheSamePlatformIsReplacedWhereverItWas() {
        SourceImage source = source(List.of(AMD64, OLD_ZEPHYR, ARM64), Map.of("org.example.built-by", "buildx"));
        assertEquals(List.of(OLD_ZEPHYR), source.replacedBy(NEW_ZEPHYR));
        ImageIndex index = source.appending(NEW_ZEPHYR);
        assertEquals(List.of(AMD64, ARM64, NEW_ZEPHYR), index.manifests());
        assertEquals(Map.of("org.example.built-by", "buildx"), index.annotations());
    }

    @Test
    void appendingToTheResultAgainGivesTheSameBytes() {
        ImageIndex once = source(List.of(AMD64, ARM64), null).appending(NEW_ZEPHYR);
        ImageIndex twice = source(once.manifests(), once.annotations()).appending(NEW_ZEPHYR);
        assertArrayEquals(once.toJson(), twice.toJson());
    }

    @Test
    void aPlatformWithAnotherVariantIsNotReplaced() {
        Descriptor zephyrArm = entry(MediaTypes.OCI_MANIFEST, "plain arm", "zephyr/arm");
        SourceImage source = source(List.of(AMD64, zephyrArm), null);
        assertEquals(List.of(), source.replacedBy(NEW_ZEPHYR));
        assertEquals(List.of(AMD64, zephyrArm, NEW_ZEPHYR), source.appending(NEW_ZEPHYR).manifests());
    }
}
