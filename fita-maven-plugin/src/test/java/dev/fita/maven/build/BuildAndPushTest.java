package dev.fita.maven.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.CredentialRetriever;
import dev.fita.maven.config.BaseImageSettings;
import dev.fita.maven.config.ContainerSettings;
import dev.fita.maven.config.EmbServeSettings;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.TargetSettings;
import dev.fita.maven.image.ImageRecord;
import dev.fita.maven.jib.AppLayers;
import dev.fita.maven.jib.BaseImageException;
import dev.fita.maven.jib.ContainerImageBuilder;
import dev.fita.maven.push.ImagePushService;
import dev.fita.maven.testing.RecordingLog;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.Platform;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.registry.Repository;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build and push services end to end against a real registry on 127.0.0.1: jib-core pulls a
 * two-platform base image pushed there first, the layout gets both platforms plus the embServe
 * entry, a rebuild gives the same digest, and a second push uploads nothing.
 */
class BuildAndPushTest {
    private static final Instant TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<Platform> PLATFORMS = List.of(Platform.parse("linux/amd64"), Platform.parse("linux/arm64"));

    private static TestRegistry registry;
    private static RegistryClient client;
    private static ExecutorService executor;

    @TempDir
    static Path shared;

    @BeforeAll
    static void startRegistryWithBaseImage() {
        registry = TestRegistry.start();
        client = RegistryClient.builder().allowInsecure(true).build();
        OciLayout base = OciLayout.create(shared.resolve("base"));
        Descriptor index = TestImages.writeLinuxIndex(base, TestImages.LINUX_AMD64, TestImages.LINUX_ARM64);
        new GraphCopy().copy(base, index, client.target(ImageReference.parse(registry.host() + "/base:1")), List.of("1"), null);
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
        registry.close();
    }

    private FitaSettings settings(Path project, List<Platform> platforms) throws Exception {
        Path service = project.resolve("service.json");
        Files.write(service, TestImages.serviceJson());
        return new FitaSettings(
                new BaseImageSettings(registry.host() + "/base:1", null, null),
                new TargetSettings(registry.host() + "/fita/sensor:0.0.1", List.of("0.0.1", "latest"), null, null),
                platforms,
                new ContainerSettings("org.example.Main", List.of("-Xmx64m"), null, List.of("8080"), Map.of("MODE", "edge"),
                        null, null, null, null, null),
                new EmbServeSettings(service, null, Platform.parse("zephyr/arm/v7")),
                true,
                project.resolve("target/fita"));
    }

    private BuildResult build(FitaSettings settings, Path project, RecordingLog log) throws Exception {
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        Files.writeString(classes.resolve("app.properties"), "greeting=hi\n");
        ContainerImageBuilder builder = new ContainerImageBuilder(
                new ContainerImageBuilder.BaseImage(settings.from().image(), ref -> List.<CredentialRetriever>of()),
                settings.container(), new AppLayers(List.of(), List.of(), classes), TIMESTAMP, TIMESTAMP,
                new ContainerImageBuilder.JibOptions(true, false, shared.resolve("jib-base-cache"),
                        project.resolve("target/jib-cache"), executor, log, null));
        return new ImageBuildService(builder, log).build(settings, "org.example.Main", TIMESTAMP);
    }

    @Test
    void buildsTheTreeRebuildsTheSameDigestAndPushesOnlyOnce(@TempDir Path project, @TempDir Path project2)
            throws Exception {
        RecordingLog log = new RecordingLog(false);
        FitaSettings settings = settings(project, PLATFORMS);
        BuildResult first = build(settings, project, log);

        ImageRecord record = first.record();
        assertEquals(List.of("linux/amd64", "linux/arm64", "zephyr/arm/v7"),
                record.platforms().stream().map(ImageRecord.Entry::platform).toList());
        assertEquals(record.digest(), Files.readString(settings.imageDigest()));
        assertEquals(record, ImageRecord.read(settings.imageJson()));
        OciLayout layout = OciLayout.open(settings.layoutDirectory());
        Descriptor tagged = layout.require("latest");
        assertEquals(record.digest(), tagged.digest().toString());
        assertEquals(record.digest(), layout.require("0.0.1").digest().toString());
        ImageIndex index = ImageIndex.fromJson(layout.readBlob(new Descriptor(tagged.mediaType(), tagged.digest(), tagged.size())));
        Descriptor arm64 = index.manifests().get(1);
        ImageManifest arm64Manifest = ImageManifest.fromJson(layout.readBlob(arm64));
        String arm64Config = new String(layout.readBlob(arm64Manifest.config()), StandardCharsets.UTF_8);
        assertTrue(arm64Config.contains("\"architecture\":\"arm64\""), arm64Config);
        assertTrue(arm64Config.contains("2026-01-01T00:00:00Z"), arm64Config);
        assertTrue(arm64Config.contains("MODE=edge"), arm64Config);
        assertTrue(log.all().contains("embServe service"), log.all());
        assertFalse(Files.exists(settings.outputDirectory().resolve("work")), "the scratch directory is removed");

        // Same inputs in another directory: the same bytes.
        BuildResult second = build(settings(project2, PLATFORMS), project2, new RecordingLog(false));
        assertEquals(record.digest(), second.record().digest());

        ImageReference target = ImagePushService.target(settings);
        // A client that has not seen the base image: the base layers are mounted from base/ all the same.
        RegistryClient freshClient = RegistryClient.builder().allowInsecure(true).build();
        ImagePushService push = new ImagePushService(freshClient, log);
        CopyResult pushed = push.push(settings, ImagePushService.builtImage(settings, project), target);
        assertEquals(List.of("0.0.1", "latest"), pushed.tags());
        assertTrue(pushed.blobsCopied() > 0);
        assertEquals(2, pushed.blobsMounted(), "one base layer per platform is mounted from the base repository");
        CopyResult again = push.push(settings, ImagePushService.builtImage(settings, project), target);
        assertEquals(0, again.blobsCopied());
        assertEquals(0, again.manifestsCopied() + again.tagsMoved(), "nothing is sent again");
        assertEquals(record.digest(), again.root().digest().toString());

        Repository repository = client.repository(target);
        assertEquals(record.digest(), repository.manifests().fetch("latest").digest().toString());
        Descriptor zephyr = index.manifests().get(2);
        ImageManifest zephyrManifest = ImageManifest.fromJson(repository.fetchAll(zephyr));
        assertArrayEquals(TestImages.serviceJson(), repository.fetchAll(zephyrManifest.layers().get(0)));
    }

    @Test
    void baseImageWithoutARequestedPlatformNamesBoth(@TempDir Path project) throws Exception {
        FitaSettings settings = settings(project, List.of(Platform.parse("linux/amd64"), Platform.parse("linux/s390x")));
        Files.createDirectories(settings.outputDirectory());
        Files.writeString(settings.imageJson(), "{\"digest\":\"from an earlier build\"}");
        BaseImageException e = assertThrows(BaseImageException.class, () -> build(settings, project, new RecordingLog(false)));
        assertTrue(e.getMessage().startsWith("Base image " + registry.host() + "/base:1 has no linux/s390x entry"),
                e.getMessage());
        assertFalse(Files.exists(settings.imageJson()), "a failed build leaves no earlier image.json for push");
        assertFalse(Files.exists(settings.outputDirectory().resolve("work")), "the scratch directory is removed");
    }

    @Test
    void pushWithoutBuildSaysToRunBuild(@TempDir Path project) throws Exception {
        FitaSettings settings = settings(project, PLATFORMS);
        Exception e = assertThrows(Exception.class, () -> ImagePushService.builtImage(settings, project));
        assertEquals("No image built: run fita:build first (target/fita/image is missing)", e.getMessage());
    }
}
