package dev.fita.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fita.maven.image.ImageRecord;
import dev.fita.maven.testing.Beans;
import dev.fita.maven.testing.RecordingLog;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.testing.IsolatedUserHome;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestImages.MultiPlatformImage;
import dev.fita.oci.testing.TestRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** fita:inspect as Maven runs it without a project: the built layout or a registry image, as a tree or JSON. */
@ExtendWith(IsolatedUserHome.class)
class InspectMojoTest {
    private static TestRegistry registry;

    @TempDir
    Path work;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final RecordingLog log = new RecordingLog(false);

    @BeforeAll
    static void start() {
        registry = TestRegistry.start();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private Path output() {
        return work.resolve("target/fita");
    }

    /** What fita:build leaves: the layout tagged 0.0.1 and latest, image.json and image.digest. */
    private MultiPlatformImage built() throws Exception {
        MultiPlatformImage image = TestImages.writeMultiPlatform(output().resolve("image"), "0.0.1");
        image.layout().tag(image.index(), List.of("latest"));
        ImageRecord.of(null, List.of("0.0.1", "latest"), image.index().digest(), image.manifests())
                .writeTo(output().resolve("image.json"), output().resolve("image.digest"));
        return image;
    }

    private InspectMojo mojo() {
        InspectMojo mojo = new InspectMojo(null);
        mojo.setLog(log);
        mojo.out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        mojo.outputDirectory = output().toFile();
        mojo.allowInsecureRegistries = true;
        return mojo;
    }

    private List<String> printed() {
        return stdout.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsTheTreeOfTheBuiltLayoutToStandardOutput() throws Exception {
        MultiPlatformImage image = built();
        mojo().execute();
        List<String> lines = printed();
        assertEquals(output().resolve("image") + " (tags: 0.0.1, latest)", lines.get(0));
        assertEquals("└── OCI image index " + image.index().digest() + " (" + image.index().size() + " bytes)", lines.get(1));
        assertTrue(lines.get(2).startsWith("    ├── linux/amd64    "), lines.get(2));
        assertTrue(lines.get(3).startsWith("    ├── linux/arm64    "), lines.get(3));
        assertTrue(lines.get(4).startsWith("    └── zephyr/arm/v7  application/vnd.oci.image.manifest.v1+json "
                + image.zephyr().digest()), lines.get(4));
        assertTrue(lines.get(5).contains("embServe service 'temperature-sensor' version 1"), lines.get(5));
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertEquals(List.of(), log.lines, "the tree is output, not log lines: mvn -q shows it too");
    }

    @Test
    void writesJsonToAFileForScripts() throws Exception {
        MultiPlatformImage image = built();
        InspectMojo mojo = mojo();
        Path file = work.resolve("out/image.json");
        Beans.set(mojo, "format", "json");
        Beans.set(mojo, "output", file.toString());
        mojo.execute();

        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("info Wrote the inspected image to " + file), log.lines);
        JsonNode images = new ObjectMapper().readTree(file.toFile());
        assertEquals(1, images.size());
        JsonNode root = images.get(0);
        assertEquals(image.index().digest().toString(), root.path("digest").asText());
        assertEquals("[\"0.0.1\",\"latest\"]", root.path("tags").toString());
        assertEquals(3, root.path("manifests").size());
        JsonNode zephyr = root.path("manifests").get(2);
        assertEquals("zephyr/arm/v7", zephyr.path("platform").asText());
        assertEquals("temperature-sensor", zephyr.path("embServe").path("name").asText());
        assertEquals("1", zephyr.path("embServe").path("version").asText());
        assertTrue(root.path("manifests").get(0).path("embServe").isMissingNode(), root.toString());
    }

    @Test
    void anUnknownFormatIsOneSentence() throws Exception {
        built();
        InspectMojo mojo = mojo();
        Beans.set(mojo, "format", "yaml");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("-Dfita.inspect.format 'yaml' is not a format fita:inspect writes: use text or json", e.getMessage());
    }

    @Test
    void withoutABuildSaysWhatToDoAndAfterAFailedBuildThatItDidNotFinish() throws Exception {
        MojoExecutionException missing = assertThrows(MojoExecutionException.class, () -> mojo().execute());
        assertEquals("No image built: run fita:build first (" + output().resolve("image") + " is missing), "
                + "or inspect a registry image with -Dfita.image=registry/repository:tag", missing.getMessage());
        Files.createDirectories(output().resolve("image"));
        MojoExecutionException unfinished = assertThrows(MojoExecutionException.class, () -> mojo().execute());
        assertEquals("The last fita:build did not finish: " + output().resolve("image")
                + " holds no complete image; run fita:build again", unfinished.getMessage());
    }

    @Test
    void skipPrintsNothing() throws Exception {
        built();
        InspectMojo mojo = mojo();
        mojo.skip = true;
        mojo.execute();
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("info Skipping fita: fita.skip (or jib.skip) is set"), log.lines);
    }

    @Test
    void readsARegistryImage() throws Exception {
        MultiPlatformImage image = TestImages.writeMultiPlatform(work.resolve("elsewhere"), "1");
        ImageReference ref = ImageReference.parse(registry.host() + "/fita/inspected:1");
        new GraphCopy().copy(image.layout(), image.index(),
                RegistryClient.builder().allowInsecure(true).build().target(ref), List.of("1"), null);
        InspectMojo mojo = mojo();
        Beans.set(mojo, "image", ref.toString());
        mojo.execute();
        List<String> lines = printed();
        assertEquals(ref.toString(), lines.get(0));
        assertEquals("└── OCI image index " + image.index().digest() + " (" + image.index().size() + " bytes)", lines.get(1));
        assertTrue(lines.get(5).contains("embServe service 'temperature-sensor' version 1"), lines.get(5));

        InspectMojo missing = mojo();
        Beans.set(missing, "image", registry.host() + "/fita/inspected:2");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, missing::execute);
        assertTrue(e.getMessage().startsWith("Inspecting " + registry.host() + "/fita/inspected:2 failed: "
                + registry.host() + " has no such content in fita/inspected (fetching manifest 2): MANIFEST_UNKNOWN"),
                e.getMessage());
    }

    @Test
    void aBadReferenceNamesTheProperty() {
        InspectMojo mojo = mojo();
        Beans.set(mojo, "image", "Not A Reference");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("-Dfita.image: 'Not A Reference' is not a valid image reference"),
                e.getMessage());
    }
}
