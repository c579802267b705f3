package dev.fita.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.config.EmbServeConfig;
import dev.fita.maven.config.FromConfig;
import dev.fita.maven.config.ToConfig;
import dev.fita.maven.image.ImageRecord;
import dev.fita.maven.testing.Beans;
import dev.fita.maven.testing.RecordingLog;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.Platform;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.PlatformPuller;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestRegistry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The append goal as Maven runs it without a project (no session, no pom): configuration by fields,
 * a real registry on 127.0.0.1 holding a two-platform image built "elsewhere".
 */
class AppendMojoTest {
    private static TestRegistry registry;
    private static List<Descriptor> sourceEntries;

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    @BeforeAll
    static void startRegistryWithSourceImage() {
        registry = TestRegistry.start();
        OciLayout layout = OciLayout.create(shared.resolve("source"));
        Descriptor index = TestImages.writeLinuxIndex(layout, TestImages.LINUX_AMD64, TestImages.LINUX_ARM64);
        sourceEntries = ImageIndex.fromJson(layout.readBlob(index)).manifests();
        new GraphCopy().copy(layout, index, client().target(image("src/app:1")), List.of("1"), null);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static RegistryClient client() {
        return RegistryClient.builder().allowInsecure(true).build();
    }

    private static ImageReference image(String repoAndTag) {
        return ImageReference.parse(registry.host() + "/" + repoAndTag);
    }

    private AppendMojo mojo(String from, String to, List<String> tags, boolean withService, RecordingLog log)
            throws Exception {
        AppendMojo mojo = new AppendMojo(null);
        mojo.setLog(log);
        if (from != null) {
            mojo.from = new FromConfig();
            Beans.set(mojo.from, "image", from);
        }
        if (to != null) {
            mojo.to = new ToConfig();
            Beans.set(mojo.to, "image", to);
            Beans.set(mojo.to, "tags", tags);
        }
        if (withService) {
            Path service = Files.write(work.resolve("service.json"), TestImages.serviceJson());
            mojo.embServe = new EmbServeConfig();
            Beans.set(mojo.embServe, "service", service.toFile());
        }
        mojo.allowInsecureRegistries = true;
        mojo.outputDirectory = work.resolve("target/fita").toFile();
        return mojo;
    }

    @Test
    void appendsWritesImageJsonAndReportsLikePush() throws Exception {
        RecordingLog log = new RecordingLog(false);
        String target = registry.host() + "/fita/app:1";
        mojo(registry.host() + "/src/app:1", target, List.of("stable"), true, log).execute();

        Path output = work.resolve("target/fita");
        ImageRecord record = ImageRecord.read(output.resolve("image.json"));
        assertEquals(target, record.image());
        assertEquals(List.of("1", "stable"), record.tags());
        assertEquals(List.of("linux/amd64", "linux/arm64", "zephyr/arm/v7"),
                record.platforms().stream().map(ImageRecord.Entry::platform).toList());
        assertEquals(sourceEntries.get(0).digest().toString(), record.platforms().get(0).digest());
        assertEquals(record.digest(), Files.readString(output.resolve("image.digest")));
        String all = log.all();
        assertTrue(all.contains("info Pushed " + registry.host() + "/fita/app:1@" + record.digest()), all);
        assertTrue(all.contains("info Pushed " + registry.host() + "/fita/app:stable@" + record.digest()), all);
        // Same registry: the four source blobs are mounted, only the embServe config and service.json go up.
        assertTrue(all.contains("info Uploaded 2 blobs ("), all);
        assertTrue(all.contains(", 4 mounted"), all);

        Path pulled = work.resolve("pulled");
        new PlatformPuller(client()).pull(image("fita/app:stable"), Platform.parse("zephyr/arm/v7"), pulled);
        assertEquals(new String(TestImages.serviceJson()), Files.readString(pulled.resolve("service.json")));

        RecordingLog again = new RecordingLog(false);
        mojo(registry.host() + "/src/app:1", target, List.of("stable"), true, again).execute();
        assertEquals(record.digest(), Files.readString(output.resolve("image.digest")));
        assertTrue(again.all().contains("info Uploaded 0 blobs (0.0 MB), 6 already present"), again.all());
    }

    @Test
    void withoutFromImageSaysHowToSetIt() throws Exception {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> mojo(null, registry.host() + "/fita/x:1", null, true, new RecordingLog(false)).execute());
        assertEquals("<from><image> is not set: fita:append needs the existing image to add the embServe entry to, "
                + "e.g. -Dfita.from.image=registry.example.com/fita/app:1.0", e.getMessage());
    }

    @Test
    void withoutServiceSaysHowToSetIt() throws Exception {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> mojo(registry.host() + "/src/app:1", registry.host() + "/fita/x:1", null, false,
                        new RecordingLog(false)).execute());
        assertEquals("<embServe><service> is not set: fita:append needs the service.json to add, "
                + "e.g. -Dfita.embServe.service=service.json", e.getMessage());
    }

    @Test
    void withoutTargetSaysHowToSetIt() throws Exception {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> mojo(registry.host() + "/src/app:1", null, null, true, new RecordingLog(false)).execute());
        assertTrue(e.getMessage().startsWith("<to><image> is not set: fita:append needs a target"), e.getMessage());
    }

    @Test
    void aMissingSourceIsOneSentenceNamingBothImagesAndNothingIsWritten() throws Exception {
        String from = registry.host() + "/src/missing:1";
        String to = registry.host() + "/fita/missing:1";
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> mojo(from, to, null, true, new RecordingLog(false)).execute());
        assertTrue(e.getMessage().startsWith("Appending " + from + " to <to><image> " + to + " failed: "
                + registry.host() + " "), e.getMessage());
        assertFalse(Files.exists(work.resolve("target/fita/image.json")));
    }

    @Test
    void skipDoesNothing() throws Exception {
        RecordingLog log = new RecordingLog(false);
        AppendMojo mojo = mojo(null, null, null, false, log);
        mojo.skip = true;
        mojo.execute();
        assertEquals(List.of("info Skipping fita: fita.skip (or jib.skip) is set"), log.lines);
    }

    @Test
    void serviceFileIsResolvedAgainstTheCurrentDirectoryWithoutProject() throws Exception {
        // A relative <service> without a project means the directory mvn runs in, as for inspect.
        AppendMojo mojo = mojo(registry.host() + "/src/app:1", registry.host() + "/fita/rel:1", null, true,
                new RecordingLog(false));
        Beans.set(mojo.embServe, "service", new File("does-not-exist-" + System.nanoTime() + ".json"));
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("<embServe><service>: "), e.getMessage());
        assertTrue(e.getMessage().contains(new File(".").getAbsoluteFile().toPath().normalize().toString()),
                e.getMessage());
    }
}
