package dev.fita.maven.it.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestRegistry;

/**
 * The differential ITs' comparator against a real registry: two images that differ in one detail
 * must give exactly that difference on each platform, so the ITs cannot pass vacuously; the
 * by-design differences (Docker vs OCI, index, variant, embServe) must be the only allowed ones.
 */
class ImageDiffTest {

    private static TestRegistry registry;
    private static int pushes;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startRegistry() {
        registry = TestRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void sameImageHasNoDifference() {
        ImageDiff.Report report = compare(TestImage.app(), TestImage.app());
        assertEquals(List.of(), report.differences(), report.format());
        assertTrue(report.format().contains("0 differences"), report.format());
        assertTrue(report.jibImage().contains("/entrypoint.sh  file 0755 0:0 25 B 1970-01-01T00:00:01Z sha256:"),
                report.jibImage());
    }

    @Test
    void reportsAChangedMode() {
        ImageDiff.Report report = compare(TestImage.app(), TestImage.app().mode("entrypoint.sh", 0644));
        assertOnly(report, "file.mode", "/entrypoint.sh", "0755", "0644");
    }

    @Test
    void reportsAMissingFile() {
        ImageDiff.Report report = compare(TestImage.app(), TestImage.app().without("entrypoint.sh"));
        assertTrue(has(report, "linux/amd64, linux/arm64", "file", "/entrypoint.sh", "file 0755", ImageComparator.MISSING),
                report.format());
        // The layer holding it lists it too, so a file moved to another layer is seen as well.
        assertTrue(report.unexpected().stream().anyMatch(d -> d.field().equals("layer.files")
                && d.where().equals("layer[1]") && d.jib().contains("only here: /entrypoint.sh")), report.format());
    }

    @Test
    void tarOrderIsNoDifference() {
        TestImage moved = TestImage.app().without("app/classes/org/example/Main.class")
                .file(new TestImage.Entry("app/classes/org/example/Main.class", TarConstants.LF_NORMAL, 0644,
                        Instant.ofEpochSecond(1), "class bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8), null));
        assertEquals(List.of(), compare(TestImage.app(), moved).differences());
    }

    @Test
    void reportsADifferentEnvironmentVariable() {
        ImageDiff.Report report = compare(TestImage.app(), TestImage.app().env("JAVA_OPTS", "-Xmx128m"));
        assertOnly(report, "config.env", "JAVA_OPTS", "-Xmx64m", "-Xmx128m");

        ImageDiff.Report unset = compare(TestImage.app().env("SPRING_PROFILES_ACTIVE", "prod"), TestImage.app());
        assertOnly(unset, "config.env", "SPRING_PROFILES_ACTIVE", "prod", ImageComparator.UNSET);
    }

    @Test
    void reportsADifferentModificationTime() {
        Instant outputTimestamp = Instant.parse("2026-01-01T00:00:00Z");
        ImageDiff.Report report = compare(TestImage.app(), TestImage.app().mtime("entrypoint.sh", outputTimestamp));
        assertOnly(report, "file.mtime", "/entrypoint.sh", "1970-01-01T00:00:01Z", "2026-01-01T00:00:00Z");
    }

    @Test
    void reportsEntrypointCreationTimeAndAMissingPlatform() {
        ImageDiff.Report report = compare(TestImage.app(), TestImage.app()
                .entrypoint(List.of("java", "-cp", "/app/classes", "org.example.Main"))
                .created("2026-01-01T00:00:00Z")
                .platforms(TestImages.LINUX_AMD64));
        assertTrue(has(report, "linux/arm64", "platform", "", "present", ImageComparator.MISSING), report.format());
        assertTrue(has(report, "linux/amd64", "config.entrypoint", "",
                "[java, -cp, @/app/jib-classpath-file, org.example.Main]", "[java, -cp, /app/classes, org.example.Main]"),
                report.format());
        assertTrue(has(report, "linux/amd64", "config.created", "", "1970-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                report.format());
    }

    @Test
    void twoCurrentTimestampsAreTheSameCreationTime() {
        String now = Instant.now().toString();
        String aMinuteLater = Instant.now().plusSeconds(60).toString();
        assertEquals(List.of(), compare(TestImage.app().created(now), TestImage.app().created(aMinuteLater)).differences());
    }

    @Test
    void jibsDockerManifestListAgainstFitasOciIndexDiffersOnlyAsAllowed() {
        TestImage fita = TestImage.app().withEmbServe()
                .platforms(TestImages.LINUX_AMD64, Platform.parse("linux/arm64/v8"));
        ImageDiff.Report report = compare(TestImage.app().docker(), fita);
        assertEquals(List.of(), report.unexpected(), report.format());
        assertTrue(has(report, "*", "image.mediaType", "", MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.OCI_INDEX));
        assertTrue(has(report, "linux/amd64, linux/arm64", "manifest.mediaType", "", MediaTypes.DOCKER_MANIFEST,
                MediaTypes.OCI_MANIFEST), report.format());
        assertTrue(has(report, "linux/amd64, linux/arm64", "layer.mediaType", "layer[0], layer[1]", MediaTypes.DOCKER_LAYER_GZIP,
                MediaTypes.OCI_LAYER_GZIP), report.format());
        assertTrue(has(report, "linux/arm64", "platform.variant", "", ImageComparator.NONE, "v8"), report.format());
        assertTrue(has(report, "zephyr/arm", "index.entry", "", ImageComparator.NONE, ImageSnapshot.OtherEntry.EMBSERVE),
                report.format());
        Map<AllowedDifference, Long> byRule = report.allowed().stream()
                .collect(java.util.stream.Collectors.groupingBy(Difference::allowedBy, java.util.stream.Collectors.counting()));
        assertEquals(java.util.Set.of(AllowedDifference.values()), byRule.keySet(), report.format());
    }

    @Test
    void aVariantJibDidNotAskForIsAllowedButADifferentOneIsNot() {
        ImageDiff.Report report = compare(TestImage.app().platforms(Platform.parse("linux/arm64/v8")),
                TestImage.app().platforms(Platform.parse("linux/arm64/v9")));
        assertTrue(has(report, "linux/arm64", "platform.variant", "", "v8", "v9"), report.format());
        assertTrue(report.unexpected().stream().anyMatch(d -> d.field().equals("platform.variant")), report.format());
    }

    @Test
    void whiteoutsRemoveFilesOfLowerLayers() {
        Instant t = Instant.EPOCH;
        FileEntry dir = new FileEntry("/opt/x", FileEntry.Type.DIRECTORY, 0755, 0, 0, 0, t, null, null);
        FileEntry file = new FileEntry("/opt/x/a", FileEntry.Type.FILE, 0644, 0, 0, 1, t, null, "sha256:00");
        FileEntry kept = new FileEntry("/opt/y", FileEntry.Type.FILE, 0644, 0, 0, 1, t, null, "sha256:01");
        FileEntry whiteout = new FileEntry("/opt/.wh.x", FileEntry.Type.FILE, 0644, 0, 0, 0, t, null, "sha256:02");
        assertEquals(List.of("/opt/y"), List.copyOf(ImageComparator.flatten(
                List.of(List.of(dir, file, kept), List.of(whiteout))).keySet()));
        FileEntry opaque = new FileEntry("/opt/x/.wh..wh..opq", FileEntry.Type.FILE, 0644, 0, 0, 0, t, null, "sha256:03");
        assertEquals(List.of("/opt/x", "/opt/y"), List.copyOf(ImageComparator.flatten(
                List.of(List.of(dir, file, kept), List.of(opaque))).keySet()));
    }

    /** Each change shows on both platforms, as exactly that one difference. */
    private static void assertOnly(ImageDiff.Report report, String field, String where, String jib, String candidate) {
        assertEquals(List.of(new Difference("linux/amd64, linux/arm64", field, where, jib, candidate)),
                report.differences(), report.format());
    }

    private static boolean has(ImageDiff.Report report, String platform, String field, String where, String jib,
            String candidate) {
        return report.differences().stream().anyMatch(d -> d.platform().equals(platform) && d.field().equals(field)
                && d.where().equals(where) && d.jib().equals(jib) && d.candidate().equals(candidate));
    }

    private ImageDiff.Report compare(TestImage jib, TestImage candidate) {
        int n = ++pushes;
        String jibRef = registry.host() + "/diff-test/image:jib-" + n;
        String candidateRef = registry.host() + "/diff-test/image:candidate-" + n;
        jib.push(tmp.resolve("jib"), jibRef);
        candidate.push(tmp.resolve("candidate"), candidateRef);
        return ImageDiff.compare(jibRef, candidateRef);
    }
}
