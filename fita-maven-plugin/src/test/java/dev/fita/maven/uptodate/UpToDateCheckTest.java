package dev.fita.maven.uptodate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.build.BuildResult;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.credentials.SettingsServers;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The up-to-date check on a real build (Jib's path, a real registry): a build that is not up to date asks
 * the registry nothing more than Jib does; after it, the same inputs are up to date with one HEAD of the
 * base image (none offline, none for a digest reference), and not once the base tag moves, the output
 * is touched, or a time is USE_CURRENT_TIMESTAMP.
 */
class UpToDateCheckTest {
    private static TestRegistry registry;

    @BeforeAll
    static void startRegistryWithBaseImage(@TempDir Path shared) {
        registry = TestRegistry.start();
        pushBase(shared.resolve("base"), Map.of());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static Descriptor pushBase(Path dir, Map<String, byte[]> extraFile) {
        OciLayout base = OciLayout.create(dir);
        Map<String, byte[]> files = new java.util.HashMap<>(Map.of("etc/base", "base".getBytes()));
        files.putAll(extraFile);
        Descriptor index = TestImages.writeLinuxIndex(base, Map.of(TestImages.LINUX_AMD64, files,
                TestImages.LINUX_ARM64, files));
        RegistryClient client = RegistryClient.builder().allowInsecure(true).build();
        new GraphCopy().copy(base, index, client.target(ImageReference.parse(registry.host() + "/base:1")),
                List.of("1"), null);
        return index;
    }

    private MavenProject project(Path dir) throws Exception {
        MavenProject project = TestProjects.project(dir, "jar");
        Files.writeString(dir.resolve("target/classes/app.properties"), "greeting=hi\n");
        return project;
    }

    private static FitaSettings settings(Path dir, MavenProject project, String base, String creationTime) {
        Poms pom = new Poms(dir);
        pom.from = Poms.from(base);
        pom.to = Poms.to(registry.host() + "/app:1", List.of());
        pom.container = creationTime == null ? Poms.container("mainClass", "org.example.Main")
                : Poms.container("mainClass", "org.example.Main", "creationTime", creationTime);
        pom.allowInsecureRegistries = true;
        return JibBuilds.settings(pom, null, project);
    }

    /** The mojo's sequence: check, and when not up to date build and record. */
    private static UpToDateCheck.Result checkAndBuild(FitaSettings settings, MavenProject project, boolean offline,
            Supplier<RegistryClient> client) throws Exception {
        UpToDateCheck.Result check = UpToDateCheck.check(settings, () -> ProjectInputs.of(project,
                TestProjects.session(project, offline, null), TestProjects.descriptor(), settings),
                settings.from().image(), offline, client);
        if (!check.upToDate()) {
            BuildRecord.delete(settings.outputDirectory());
            BuildResult result = JibBuilds.build(settings, project, TestProjects.session(project, offline, null),
                    SettingsServers.none(), new RecordingLog(false));
            BuildRecord.afterBuild(settings, check.inputsOrNull(), result.baseDigestOrNull());
        }
        return check;
    }

    private static long requests(String method) throws IOException {
        return Files.readAllLines(registry.directory().resolve("registry.log")).stream()
                .filter(l -> l.contains("response completed") && l.contains("http.request.method=" + method)).count();
    }

    private static Supplier<RegistryClient> counting(AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            return RegistryClient.builder().allowInsecure(true).build();
        };
    }

    @Test
    void sameInputsAreUpToDateWithOneHeadAndNoneOffline(@TempDir Path dir) throws Exception {
        MavenProject project = project(dir);
        FitaSettings settings = settings(dir, project, registry.host() + "/base:1", null);
        AtomicInteger clients = new AtomicInteger();
        UpToDateCheck.Result first = checkAndBuild(settings, project, false, counting(clients));
        assertFalse(first.upToDate());
        assertEquals("no finished build", first.reason());
        assertEquals(0, clients.get(), "no HEAD when there is nothing to compare with: Jib's pull gives the digest");
        String index = Files.readString(settings.imageDigest());
        byte[] indexJson = Files.readAllBytes(settings.layoutDirectory().resolve("index.json"));

        long heads = requests("HEAD");
        long gets = requests("GET");
        UpToDateCheck.Result second = checkAndBuild(settings, project, false, counting(clients));
        assertTrue(second.upToDate(), second.reason());
        assertEquals(1, requests("HEAD") - heads, "one HEAD of the base image");
        assertEquals(1, requests("GET") - gets, "no GET but a new client's /v2/ ping (over HTTP, after HTTPS failed)");
        assertEquals(index, Files.readString(settings.imageDigest()));
        assertTrue(java.util.Arrays.equals(indexJson, Files.readAllBytes(settings.layoutDirectory().resolve("index.json"))));

        long all = requests("HEAD") + requests("GET");
        int before = clients.get();
        assertTrue(checkAndBuild(settings, project, true, counting(clients)).upToDate(), "offline: the recorded digest");
        assertEquals(before, clients.get(), "offline, no client is even made");
        assertEquals(all, requests("HEAD") + requests("GET"));
    }

    @Test
    void aMovedBaseTagOrATouchedOutputIsNotUpToDate(@TempDir Path dir, @TempDir Path otherBase) throws Exception {
        MavenProject project = project(dir);
        FitaSettings settings = settings(dir, project, registry.host() + "/base:1", null);
        AtomicInteger clients = new AtomicInteger();
        checkAndBuild(settings, project, false, counting(clients));
        Path blob = Files.list(settings.layoutDirectory().resolve("blobs/sha256")).findFirst().orElseThrow();
        Files.delete(blob);
        UpToDateCheck.Result missing = checkAndBuild(settings, project, false, counting(clients));
        assertFalse(missing.upToDate());
        assertTrue(missing.reason().contains("missing"), missing.reason());
        assertTrue(checkAndBuild(settings, project, false, counting(clients)).upToDate(), "rebuilt and recorded");

        Files.writeString(settings.imageJson(), Files.readString(settings.imageJson()) + " ");
        assertFalse(checkAndBuild(settings, project, false, counting(clients)).upToDate(), "image.json changed");
        Files.writeString(dir.resolve("target/classes/app.properties"), "greeting=hello\n");
        UpToDateCheck.Result changed = checkAndBuild(settings, project, false, counting(clients));
        assertEquals("the project's inputs changed", changed.reason());

        try {
            pushBase(otherBase, Map.of("etc/update", "a security update".getBytes()));
            UpToDateCheck.Result moved = checkAndBuild(settings, project, false, counting(clients));
            assertFalse(moved.upToDate());
            assertEquals("the base image changed", moved.reason());
        } finally {
            pushBase(otherBase.resolve("again"), Map.of());
        }
    }

    @Test
    void aDigestReferenceNeedsNoRequestAndCurrentTimestampsAlwaysBuild(@TempDir Path dir, @TempDir Path dir2)
            throws Exception {
        RegistryClient client = RegistryClient.builder().allowInsecure(true).build();
        Descriptor index = client.repository(ImageReference.parse(registry.host() + "/base:1")).manifests().head("1")
                .orElseThrow();
        MavenProject project = project(dir);
        FitaSettings pinned = settings(dir, project, registry.host() + "/base@" + index.digest(), null);
        AtomicInteger clients = new AtomicInteger();
        checkAndBuild(pinned, project, false, counting(clients));
        assertTrue(checkAndBuild(pinned, project, false, counting(clients)).upToDate());
        assertEquals(0, clients.get(), "the reference names its digest");

        MavenProject project2 = project(dir2);
        FitaSettings current = settings(dir2, project2, registry.host() + "/base:1", "USE_CURRENT_TIMESTAMP");
        checkAndBuild(current, project2, false, counting(clients));
        UpToDateCheck.Result again = checkAndBuild(current, project2, false, counting(clients));
        assertFalse(again.upToDate());
        assertEquals("a time is USE_CURRENT_TIMESTAMP", again.reason());
    }
}
