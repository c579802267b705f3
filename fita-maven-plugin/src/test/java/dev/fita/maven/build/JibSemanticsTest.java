package dev.fita.maven.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.ExtraDirectoriesConfig;
import dev.fita.maven.config.ExtraDirectoryConfig;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.OutputPathsConfig;
import dev.fita.maven.config.PermissionConfig;
import dev.fita.maven.config.PluginExtensionConfig;
import dev.fita.maven.credentials.SettingsServers;
import dev.fita.maven.testing.Beans;
import dev.fita.maven.testing.ImageFiles;
import dev.fita.maven.testing.JibBuilds;
import dev.fita.maven.testing.Poms;
import dev.fita.maven.testing.RecordingLog;
import dev.fita.maven.testing.TestProjects;
import dev.fita.oci.Descriptor;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestRegistry;
import java.io.File;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jib's meaning of its parameters, as fita's build path gives it (one platform, real registry): extra
 * directories with permissions, packaged mode, WAR, INHERIT, the jar plugin's main class, Java 8's
 * classpath, times, output files, and the sentences for Jib's configuration errors.
 */
class JibSemanticsTest {
    private static TestRegistry registry;

    @BeforeAll
    static void startRegistryWithBaseImage(@TempDir Path shared) {
        registry = TestRegistry.start();
        OciLayout base = OciLayout.create(shared.resolve("base"));
        Descriptor index = TestImages.writeLinuxIndex(base, TestImages.LINUX_AMD64);
        new GraphCopy().copy(base, index, RegistryClient.builder().allowInsecure(true).build()
                .target(ImageReference.parse(registry.host() + "/base:1")), List.of("1"), null);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    /** A built image: its config and files, plus the log. */
    private record Built(JsonNode config, Map<String, ImageFiles.Entry> files, List<List<ImageFiles.Entry>> layers,
            RecordingLog log) {}

    private static Poms pom(Path dir) {
        Poms pom = new Poms(dir);
        pom.from = Poms.from(registry.host() + "/base:1");
        pom.platforms = List.of(new dev.fita.maven.config.PlatformConfig("linux", "amd64", null));
        pom.allowInsecureRegistries = true;
        pom.container = Poms.container("mainClass", "org.example.Main");
        return pom;
    }

    private static MavenProject jar(Path dir) throws Exception {
        MavenProject project = TestProjects.project(dir, "jar");
        Files.writeString(dir.resolve("target/classes/app.properties"), "x=1\n");
        return project;
    }

    private static Built build(Path dir, MavenProject project, Consumer<Poms> configure) throws Exception {
        Poms pom = pom(dir);
        configure.accept(pom);
        FitaSettings settings = JibBuilds.settings(pom, null, project);
        RecordingLog log = new RecordingLog(false);
        BuildResult result = JibBuilds.build(settings, project, TestProjects.session(project, false, null),
                SettingsServers.none(), log);
        OciLayout layout = OciLayout.open(result.layout());
        Descriptor entry = ImageFiles.entries(layout, "latest").get(0);
        return new Built(ImageFiles.config(layout, entry), ImageFiles.files(layout, entry),
                ImageFiles.layers(layout, entry), log);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void extraDirectoriesWithPermissionsIncludesAndExcludes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src/main/jib/opt/app"));
        Files.writeString(dir.resolve("src/main/jib/opt/app/run.sh"), "#!/bin/sh\n");
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/app.yml"), "a: 1\n");
        Files.writeString(dir.resolve("conf/secret.yml"), "s: 1\n");
        Files.writeString(dir.resolve("conf/notes.txt"), "n\n");
        ExtraDirectoryConfig jibDir = new ExtraDirectoryConfig();
        jibDir.set(dir.resolve("src/main/jib").toFile());
        ExtraDirectoryConfig conf = new ExtraDirectoryConfig(dir.resolve("conf").toFile(), "/etc/app");
        Beans.set(conf, "includes", List.of("*.yml"));
        Beans.set(conf, "excludes", List.of("secret.yml"));
        ExtraDirectoriesConfig extra = new ExtraDirectoriesConfig();
        Beans.set(extra, "paths", List.of(jibDir, conf));
        Beans.set(extra, "permissions", List.of(new PermissionConfig("/opt/app/run.sh", "755"),
                new PermissionConfig("/etc/app/**", "600")));
        Built built = build(dir, jar(dir), pom -> pom.extraDirectories = extra);

        assertEquals(0755, built.files().get("/opt/app/run.sh").mode());
        assertEquals(0600, built.files().get("/etc/app/app.yml").mode());
        assertFalse(built.files().containsKey("/etc/app/secret.yml"), built.files().keySet().toString());
        assertFalse(built.files().containsKey("/etc/app/notes.txt"));
        assertEquals(0644, built.files().get("/app/resources/app.properties").mode());
        assertEquals(Instant.ofEpochSecond(1), built.files().get("/opt/app/run.sh").mtime(), "Jib's EPOCH_PLUS_SECOND");
        assertEquals(0L, built.files().get("/opt/app/run.sh").uid());
    }

    @Test
    void missingExtraDirectoryIsAnErrorButTheDefaultMayBeAbsent(@TempDir Path dir) throws Exception {
        build(dir, jar(dir), pom -> { });
        ExtraDirectoryConfig missing = new ExtraDirectoryConfig();
        missing.set(dir.resolve("no-such-dir").toFile());
        ExtraDirectoriesConfig extra = new ExtraDirectoriesConfig();
        Beans.set(extra, "paths", List.of(missing));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> build(dir, jar(dir), pom -> pom.extraDirectories = extra));
        assertEquals("<extraDirectories><paths>: the directory " + dir.resolve("no-such-dir") + " does not exist",
                e.getMessage());
    }

    @Test
    void packagedModeAddsTheJar(@TempDir Path dir) throws Exception {
        MavenProject project = jar(dir);
        Files.writeString(dir.resolve("target/app-1.0.jar"), "jar bytes");
        Built built = build(dir, project, pom -> pom.containerizingMode = "packaged");
        assertTrue(built.files().containsKey("/app/classpath/app-1.0.jar"), built.files().keySet().toString());
        assertFalse(built.files().containsKey("/app/resources/app.properties"));
        assertEquals("/app/classpath/*", built.files().get("/app/jib-classpath-file").content());
    }

    @Test
    void warIsExplodedIntoJettysAppRootAndInheritsTheEntrypointOfACustomBase(@TempDir Path dir) throws Exception {
        MavenProject project = TestProjects.project(dir, "war");
        try (OutputStream out = Files.newOutputStream(dir.resolve("target/app-1.0.war"));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("index.html", "WEB-INF/web.xml", "WEB-INF/classes/org/example/App.class",
                    "WEB-INF/lib/dep-1.0.jar")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes());
                zip.closeEntry();
            }
        }
        Built built = build(dir, project, pom -> pom.container = null);
        String root = "/var/lib/jetty/webapps/ROOT";
        assertTrue(built.files().containsKey(root + "/index.html"), built.files().keySet().toString());
        assertTrue(built.files().containsKey(root + "/WEB-INF/classes/org/example/App.class"));
        assertTrue(built.files().containsKey(root + "/WEB-INF/lib/dep-1.0.jar"));
        assertFalse(built.files().containsKey("/app/jib-classpath-file"), "no classpath files for a WAR");
        assertTrue(built.config().at("/config/Entrypoint").isMissingNode() || built.config().at("/config/Entrypoint").isNull(),
                built.config().toString());
    }

    @Test
    void entrypointInheritKeepsTheClasspathFiles(@TempDir Path dir) throws Exception {
        Built built = build(dir, jar(dir), pom -> pom.container = Poms.container("entrypoint", List.of("INHERIT"),
                "mainClass", "org.example.Main", "args", List.of("--port", "80")));
        JsonNode entrypoint = built.config().at("/config/Entrypoint");
        assertTrue(entrypoint.isMissingNode() || entrypoint.isNull(), built.config().toString());
        assertEquals(List.of("--port", "80"), strings(built.config().at("/config/Cmd")));
        assertEquals("org.example.Main", built.files().get("/app/jib-main-class-file").content());
    }

    @Test
    void mainClassFromTheJarPluginsManifest(@TempDir Path dir) throws Exception {
        MavenProject project = jar(dir);
        Plugin jarPlugin = new Plugin();
        jarPlugin.setGroupId("org.apache.maven.plugins");
        jarPlugin.setArtifactId("maven-jar-plugin");
        jarPlugin.setConfiguration(Xpp3DomBuilder.build(new StringReader(
                "<configuration><archive><manifest><mainClass>org.example.FromJar</mainClass></manifest></archive></configuration>")));
        project.getBuild().addPlugin(jarPlugin);
        Built built = build(dir, project, pom -> pom.container = null);
        assertEquals(List.of("java", "-cp", "@/app/jib-classpath-file", "org.example.FromJar"),
                strings(built.config().at("/config/Entrypoint")));
    }

    @Test
    void java8ProjectsGetThePlainClasspathAndSystemScopeDependenciesAreIn(@TempDir Path dir) throws Exception {
        MavenProject project = jar(dir);
        project.getProperties().setProperty("maven.compiler.release", "8");
        Path system = Files.writeString(dir.resolve("vendor-2.0.jar"), "system scoped");
        Path snapshot = Files.writeString(dir.resolve("snap-1.0-SNAPSHOT.jar"), "snapshot");
        TestProjects.addDependencies(project, TestProjects.dependency("vendor", "2.0", "system", system),
                TestProjects.dependency("snap", "1.0-SNAPSHOT", "runtime", snapshot));
        Built built = build(dir, project, pom -> pom.container = Poms.container("mainClass", "org.example.Main",
                "extraClasspath", List.of("/opt/extra/*")));
        assertEquals(List.of("java", "-cp", "/opt/extra/*:/app/resources:/app/classes:/app/libs/*", "org.example.Main"),
                strings(built.config().at("/config/Entrypoint")));
        assertTrue(built.files().containsKey("/app/libs/vendor-2.0.jar"));
        // Jib's layers: dependencies, snapshot dependencies, resources, classes files each in their own.
        List<String> snapshotLayer = built.layers().stream()
                .filter(l -> l.stream().anyMatch(f -> f.path().endsWith("snap-1.0-SNAPSHOT.jar")))
                .findFirst().orElseThrow().stream().map(ImageFiles.Entry::path).toList();
        assertFalse(snapshotLayer.stream().anyMatch(p -> p.endsWith("vendor-2.0.jar")), snapshotLayer.toString());
    }

    @Test
    void timesVolumesUserAndWorkingDirectory(@TempDir Path dir) throws Exception {
        Built built = build(dir, jar(dir), pom -> pom.container = Poms.container("mainClass", "org.example.Main",
                "creationTime", "2024-05-06T07:08:09Z", "filesModificationTime", "2023-01-02T03:04:05Z",
                "volumes", List.of("/data"), "user", "1000:1000", "workingDirectory", "/work",
                "labels", Map.of("team", "iot")));
        assertEquals("2024-05-06T07:08:09Z", built.config().get("created").asText());
        assertEquals(Instant.parse("2023-01-02T03:04:05Z"), built.files().get("/app/resources/app.properties").mtime());
        assertTrue(built.config().at("/config/Volumes").has("/data"));
        assertEquals("1000:1000", built.config().at("/config/User").asText());
        assertEquals("/work", built.config().at("/config/WorkingDir").asText());
        assertEquals("iot", built.config().at("/config/Labels/team").asText());

        Built now = build(dir, jar(dir), pom -> pom.container = Poms.container("mainClass", "org.example.Main",
                "creationTime", "USE_CURRENT_TIMESTAMP"));
        Instant created = Instant.parse(now.config().get("created").asText());
        assertTrue(created.isAfter(Instant.now().minusSeconds(600)), created.toString());
    }

    @Test
    void jibsConfigurationErrorsBecomeOneSentenceNamingTheElement(@TempDir Path dir) throws Exception {
        assertEquals("<container><appRoot> 'app' is not an absolute Unix path such as /app",
                failure(dir, pom -> pom.container = Poms.container("mainClass", "M", "appRoot", "app")));
        assertEquals("<container><creationTime> 'yesterday' is neither EPOCH, USE_CURRENT_TIMESTAMP nor an ISO-8601"
                + " date-time such as 2026-01-01T00:00:00Z",
                failure(dir, pom -> pom.container = Poms.container("mainClass", "M", "creationTime", "yesterday")));
        assertEquals("<container><volumes> 'data' is not an absolute Unix path such as /data",
                failure(dir, pom -> pom.container = Poms.container("mainClass", "M", "volumes", List.of("data"))));
        assertEquals("<containerizingMode> 'zipped' is neither exploded nor packaged",
                failure(dir, pom -> pom.containerizingMode = "zipped"));
        assertTrue(failure(dir, pom -> pom.container = Poms.container("mainClass", "M", "ports", List.of("http")))
                .startsWith("<container><ports>: Invalid port configuration: 'http'"));
        String noMain = failure(dir, pom -> pom.container = null);
        assertEquals("<container><mainClass>: Main class was not found; set <container><mainClass>"
                + " (or -Djib.container.mainClass), or <container><entrypoint>", noMain);
        PluginExtensionConfig extension = Beans.set(new PluginExtensionConfig(), "implementation", "org.example.Missing");
        String missingExtension = failure(dir, pom -> pom.pluginExtensions = List.of(extension));
        assertTrue(missingExtension.startsWith("<pluginExtensions>: "), missingExtension);
        assertTrue(missingExtension.contains("org.example.Missing"), missingExtension);
    }

    private static String failure(Path dir, Consumer<Poms> configure) {
        return assertThrows(ConfigurationException.class, () -> build(dir, jar(dir), configure)).getMessage();
    }

    @Test
    void outputPathsTarIsAnOciArchiveOfTheLayout(@TempDir Path dir) throws Exception {
        OutputPathsConfig outputs = Beans.set(new OutputPathsConfig(), "tar", new File(dir.toFile(), "target/image.tar"));
        build(dir, jar(dir), pom -> pom.outputPaths = outputs);
        Path archive = dir.resolve("target/image.tar");
        assertTrue(Files.isRegularFile(archive));
        OciLayout imported = dev.fita.oci.layout.LayoutTar.importTar(archive, dir.resolve("imported"));
        assertEquals(OciLayout.open(dir.resolve("target/fita/image")).readIndex(), imported.readIndex());
    }
}
