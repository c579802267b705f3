package dev.fita.maven.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fita.maven.config.EmbServeConfig;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.credentials.SettingsServers;
import dev.fita.maven.image.ImageRecord;
import dev.fita.maven.push.ImagePushService;
import dev.fita.maven.testing.Beans;
import dev.fita.maven.testing.ImageFiles;
import dev.fita.maven.testing.JibBuilds;
import dev.fita.maven.testing.Poms;
import dev.fita.maven.testing.RecordingLog;
import dev.fita.maven.testing.TestProjects;
import dev.fita.oci.Descriptor;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build path end to end, as BuildMojo wires it, against a real registry on 127.0.0.1: Jib's own
 * configuration processor builds each platform from a two-platform base image, the layout gets both
 * platforms plus the embServe entry with Jib's entrypoint and classpath files, a rebuild (also offline,
 * from the shared base-image cache) gives the same digest, and a second push uploads nothing.
 */
class BuildAndPushTest {
    private static final Instant TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    private static TestRegistry registry;

    @TempDir
    static Path shared;

    @BeforeAll
    static void startRegistryWithBaseImage() {
        registry = TestRegistry.start();
        RegistryClient client = RegistryClient.builder().allowInsecure(true).build();
        OciLayout base = OciLayout.create(shared.resolve("base"));
        Descriptor index = TestImages.writeLinuxIndex(base, TestImages.LINUX_AMD64, TestImages.LINUX_ARM64);
        new GraphCopy().copy(base, index, client.target(ImageReference.parse(registry.host() + "/base:1")), List.of("1"), null);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static MavenProject project(Path dir) throws Exception {
        MavenProject project = TestProjects.project(dir, "jar");
        Files.writeString(dir.resolve("target/classes/app.properties"), "greeting=hi\n");
        Files.createDirectories(dir.resolve("src/main/jib/etc"));
        Files.writeString(dir.resolve("src/main/jib/etc/motd"), "hello\n");
        Path lib = Files.writeString(dir.resolve("lib-1.0.jar"), "not really a jar");
        TestProjects.addDependencies(project, TestProjects.dependency("lib", "1.0", "compile", lib));
        return project;
    }

    private static FitaSettings settings(Path dir, MavenProject project) throws Exception {
        Poms pom = new Poms(dir);
        pom.from = Poms.from(registry.host() + "/base:1");
        pom.to = Poms.to(registry.host() + "/fita/sensor:0.0.1", List.of("latest"));
        pom.container = Poms.container("mainClass", "org.example.Main", "jvmFlags", List.of("-Xmx64m"),
                "ports", List.of("8080"), "environment", Map.of("MODE", "edge"));
        pom.embServe = Beans.set(new EmbServeConfig(), "service",
                Files.write(dir.resolve("service.json"), TestImages.serviceJson()).toFile());
        pom.allowInsecureRegistries = true;
        pom.outputTimestamp = TIMESTAMP;
        return JibBuilds.settings(pom, null, project);
    }

    private static BuildResult build(Path dir, boolean offline, RecordingLog log) throws Exception {
        MavenProject project = project(dir);
        return JibBuilds.build(settings(dir, project), project, TestProjects.session(project, offline, null),
                SettingsServers.none(), log);
    }

    @Test
    void buildsJibsImagePerPlatformRebuildsTheSameDigestOnlineAndOfflineAndPushesOnce(@TempDir Path project,
            @TempDir Path project2, @TempDir Path project3) throws Exception {
        RecordingLog log = new RecordingLog(false);
        BuildResult first = build(project, false, log);

        ImageRecord record = first.record();
        assertEquals(List.of("linux/amd64", "linux/arm64", "zephyr/arm/v7"),
                record.platforms().stream().map(ImageRecord.Entry::platform).toList());
        OciLayout layout = OciLayout.open(first.layout());
        assertEquals(record.digest(), layout.require("latest").digest().toString());
        assertEquals(record.digest(), layout.require("0.0.1").digest().toString());
        Descriptor arm64 = ImageFiles.entries(layout, "latest").get(1);
        JsonNode config = ImageFiles.config(layout, arm64);
        assertEquals("arm64", config.get("architecture").asText());
        assertEquals("2026-01-01T00:00:00Z", config.get("created").asText());
        assertEquals(List.of("java", "-Xmx64m", "-cp", "@/app/jib-classpath-file", "org.example.Main"),
                strings(config.at("/config/Entrypoint")));
        assertTrue(strings(config.at("/config/Env")).contains("MODE=edge"), config.toString());
        assertTrue(config.at("/config/ExposedPorts").has("8080/tcp"), config.toString());

        Map<String, ImageFiles.Entry> files = ImageFiles.files(layout, arm64);
        assertEquals("/app/resources:/app/classes:/app/libs/lib-1.0.jar",
                files.get("/app/jib-classpath-file").content());
        assertEquals("org.example.Main", files.get("/app/jib-main-class-file").content());
        assertEquals("greeting=hi\n", files.get("/app/resources/app.properties").content());
        assertEquals("hello\n", files.get("/etc/motd").content(), "the default extra directory src/main/jib");
        assertEquals(TIMESTAMP, files.get("/etc/motd").mtime(), "files take project.build.outputTimestamp");
        assertTrue(files.containsKey("/app/libs/lib-1.0.jar"), files.keySet().toString());
        assertTrue(files.containsKey("/" + TestImages.helloFileName(TestImages.LINUX_ARM64)), "the arm64 base layer");

        // Jib's output files, for the whole index.
        Path target = project.resolve("target");
        assertEquals(record.digest(), Files.readString(target.resolve("jib-image.digest")));
        assertEquals(record.digest(), Files.readString(target.resolve("jib-image.id")));
        JsonNode jibJson = new ObjectMapper().readTree(target.resolve("jib-image.json").toFile());
        assertEquals(List.of("0.0.1", "latest"), strings(jibJson.get("tags")));
        assertEquals("linux/arm64", jibJson.at("/platforms/1/platform").asText());
        assertEquals(ImageFiles.manifest(layout, arm64).config().digest().toString(),
                jibJson.at("/platforms/1/imageId").asText());
        assertFalse(Files.exists(first.layout().resolveSibling("work")), "the scratch directory is removed");
        assertNull(settings(project, project(project)).outputPaths().tarOrNull(), "no archive unless asked");

        // Same inputs in another directory, then offline from the shared base-image cache: the same bytes.
        assertEquals(record.digest(), build(project2, false, new RecordingLog(false)).record().digest());
        assertEquals(record.digest(), build(project3, true, new RecordingLog(false)).record().digest(),
                "offline, every platform's base comes from Jib's cache");

        FitaSettings settings = settings(project, project(project));
        ImageReference target2 = ImagePushService.target(settings);
        RegistryClient freshClient = RegistryClient.builder().allowInsecure(true).build();
        ImagePushService push = new ImagePushService(freshClient, log);
        CopyResult pushed = push.push(settings, ImagePushService.builtImage(settings, project), target2);
        assertEquals(List.of("0.0.1", "latest"), pushed.tags());
        assertEquals(2, pushed.blobsMounted(), "one base layer per platform is mounted from the base repository");
        CopyResult again = push.push(settings, ImagePushService.builtImage(settings, project), target2);
        assertEquals(0, again.blobsCopied());
        assertEquals(0, again.manifestsCopied() + again.tagsMoved(), "nothing is sent again");
        assertEquals(record.digest(), again.root().digest().toString());
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
