package dev.fita.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.build.ImageBuildService;
import dev.fita.maven.config.EmbServeConfig;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.PlatformConfig;
import dev.fita.maven.config.PlatformImageConfig;
import dev.fita.maven.config.ToConfig;
import dev.fita.maven.testing.Beans;
import dev.fita.maven.testing.RecordingLog;
import dev.fita.maven.testing.StandInJib;
import dev.fita.maven.testing.TestProjects;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.ManifestResponse;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.registry.Repository;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI matrix in one JVM, against real registries: separate checkouts build one platform each with
 * fita:build's own composition (a stand-in for Jib underneath) and push it with {@code <partial>}; a
 * fresh checkout runs fita:merge. The merged index is the one a single machine's build and push make,
 * byte for byte, and the merge read no layer (the registry's own log). Each refusal is one sentence and
 * moves no tag.
 */
class MergeMojoTest {
    private static final List<String> ALL = List.of("linux/amd64", "linux/arm64", "linux/arm/v7");

    private static TestRegistry registry;
    private static TestRegistry other;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        registry = TestRegistry.start();
        other = TestRegistry.start();
    }

    @AfterAll
    static void stop() {
        registry.close();
        other.close();
    }

    private static RegistryClient client() {
        return RegistryClient.builder().allowInsecure(true).build();
    }

    private static Repository repository(TestRegistry at, String name) {
        return client().target(ImageReference.parse(at.host() + "/" + name + ":x"));
    }

    /** A checkout: the project directory with its service.json, and the goal configured as in the pom. */
    private <T extends AbstractFitaMojo> T checkout(T mojo, String dir, String image, Properties user) throws Exception {
        Path basedir = Files.createDirectories(work.resolve(dir));
        MavenProject project = TestProjects.project(basedir, "jar");
        project.getProperties().setProperty("project.build.outputTimestamp", "2026-01-01T00:00:00Z");
        mojo.project = project;
        mojo.session = TestProjects.session(project, false, user);
        mojo.setLog(new RecordingLog(false));
        mojo.to = Beans.set(Beans.set(new ToConfig(), "image", registry.host() + "/" + image), "tags", List.of("latest"));
        mojo.platforms = ALL.stream().map(p -> Beans.set(new PlatformConfig(), "shorthand", p)).toList();
        Path service = Files.write(basedir.resolve("service.json"), TestImages.serviceJson());
        mojo.embServe = Beans.set(new EmbServeConfig(), "service", service.toFile());
        mojo.allowInsecureRegistries = true;
        mojo.outputDirectory = basedir.resolve("target/fita").toFile();
        return mojo;
    }

    private static Properties properties(String... namesAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            p.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return p;
    }

    /** mvn deploy in a checkout: fita:build's composition, then fita:push (partial with -Dfita.partial or {@code <partial>}). */
    private RecordingLog deploy(String dir, String image, Properties user) throws Exception {
        return deploy(dir, image, user, false);
    }

    private RecordingLog deploy(String dir, String image, Properties user, boolean partialInPom) throws Exception {
        PushMojo push = checkout(new PushMojo(null), dir, image, user);
        push.partial = partialInPom;
        FitaSettings settings = push.settings();
        new ImageBuildService(StandInJib.builder(), new RecordingLog(false))
                .build(settings, Instant.parse("2026-01-01T00:00:00Z"), image);
        push.execute();
        return (RecordingLog) push.getLog();
    }

    private MergeMojo merger(String dir, String image, Properties user) throws Exception {
        return checkout(new MergeMojo(null), dir, image, user);
    }

    private static String digestAt(String reference) {
        ImageReference ref = ImageReference.parse(reference);
        return client().repository(ref).resolve(ref.referenceOrTag()).map(d -> d.digest().toString()).orElse("none");
    }

    /** The digests of the blobs that were GET from {@code repository}, from the registry's own request log. */
    private static Set<String> blobsRead(TestRegistry at, String repository) throws Exception {
        Pattern get = Pattern.compile("http\\.request\\.method=GET http\\.request\\.remoteaddr=\\S+ "
                + "http\\.request\\.uri=\"?/v2/" + Pattern.quote(repository) + "/blobs/(sha256:[0-9a-f]{64})");
        return Files.readAllLines(at.directory().resolve("registry.log")).stream().map(get::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).collect(Collectors.toSet());
    }

    @Test
    void threeRunnersThenAMergeGiveTheSingleMachinesIndexByteForByteReadingNoLayer() throws Exception {
        deploy("single", "fita/single:1", properties());
        for (String platform : ALL) {
            // The last runner sets <partial> in the pom instead of -Dfita.partial.
            boolean inPom = platform.equals("linux/arm/v7");
            RecordingLog log = deploy("runner-" + platform.replace('/', '-'), "fita/app:1", inPom
                    ? properties("fita.platforms", platform) : properties("fita.platforms", platform, "fita.partial", "true"),
                    inPom);
            String tag = "1-" + platform.replace('/', '-');
            assertTrue(log.all().contains("info Pushed " + registry.host() + "/fita/app:" + tag + "@"), log.all());
        }
        // Each runner moved only its per-platform tags: no release tag, no index, no embServe entry.
        assertEquals("none", digestAt(registry.host() + "/fita/app:1"));
        assertEquals("none", digestAt(registry.host() + "/fita/app:latest"));
        ImageIndex single = ImageIndex.fromJson(client().repository(ImageReference.parse(registry.host()
                + "/fita/single:1")).manifests().fetch("1").bytes());
        Descriptor zephyr = single.manifests().get(3);
        assertFalse(repository(registry, "fita/app").exists(zephyr), "a runner pushed the embServe entry");
        for (int i = 0; i < 3; i++) {
            Platform platform = Platform.parse(ALL.get(i));
            assertEquals(single.manifests().get(i).digest().toString(),
                    digestAt(registry.host() + "/fita/app:latest-" + ALL.get(i).replace('/', '-')), platform.toString());
        }

        MergeMojo merge = merger("merger", "fita/app:1", properties());
        merge.execute();

        ManifestResponse merged = client().repository(ImageReference.parse(registry.host() + "/fita/app:1"))
                .manifests().fetch("1");
        ManifestResponse reference = client().repository(ImageReference.parse(registry.host() + "/fita/single:1"))
                .manifests().fetch("1");
        assertEquals(new String(reference.bytes()), new String(merged.bytes()));
        assertEquals(reference.digest().toString(), digestAt(registry.host() + "/fita/app:latest"));
        assertEquals(reference.digest().toString(),
                Files.readString(work.resolve("merger/target/fita/image.digest")));
        Set<String> configs = single.manifests().subList(0, 3).stream()
                .map(d -> ImageManifest.fromJson(repository(registry, "fita/app").fetchAll(d)).config().digest().toString())
                .collect(Collectors.toSet());
        assertEquals(configs, blobsRead(registry, "fita/app"), "the merge read the three configs and no layer");
        String log = ((RecordingLog) merge.getLog()).all();
        assertTrue(log.contains("info Uploaded 2 blobs"), log);  // the embServe config and service.json

        // Merging again finds everything in place; -Dfita.platforms narrows and reorders the set.
        MergeMojo again = merger("merger", "fita/app:1", properties());
        again.execute();
        String againLog = ((RecordingLog) again.getLog()).all();
        assertTrue(againLog.contains("info Uploaded 0 blobs (0.0 MB), 8 already present"), againLog);
        assertEquals(reference.digest().toString(), digestAt(registry.host() + "/fita/app:1"));
        merger("merger", "fita/app:1", properties("fita.platforms", "linux/arm64,linux/amd64")).execute();
        ImageIndex narrowed = ImageIndex.fromJson(client().repository(ImageReference.parse(registry.host()
                + "/fita/app:1")).manifests().fetch("1").bytes());
        assertEquals(List.of("linux/arm64", "linux/amd64", "zephyr/arm/v7"),
                narrowed.manifests().stream().map(d -> d.platform().toString()).toList());
    }

    @Test
    void missingPlatformsAreNamedWithTheTagsLookedForAndNoTagMoves() throws Exception {
        deploy("runner", "fita/missing:1", properties("fita.platforms", "linux/amd64", "fita.partial", "true"));
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> merger("merger", "fita/missing:1", properties()).execute());
        String repo = registry.host() + "/fita/missing";
        assertEquals("No per-platform image for linux/arm64 (looked for " + repo + ":1-linux-arm64) and linux/arm/v7 "
                + "(looked for " + repo + ":1-linux-arm-v7): push it first with mvn deploy "
                + "-Dfita.platforms=linux/arm64,linux/arm/v7 -Dfita.partial=true, then run fita:merge again; "
                + "no tag was moved", e.getMessage());
        assertEquals("none", digestAt(repo + ":1"));
        assertEquals("none", digestAt(repo + ":latest"));
    }

    @Test
    void anImageOfAnotherPlatformOrAnIndexIsRefusedAndNoTagMoves() throws Exception {
        String repo = registry.host() + "/fita/wrong";
        OciLayout layout = OciLayout.create(work.resolve("images"));
        Repository target = repository(registry, "fita/wrong");
        GraphCopy copy = new GraphCopy();
        copy.copy(layout, TestImages.writeLinuxImage(layout, TestImages.LINUX_AMD64), target,
                List.of("1-linux-amd64", "1-linux-arm64"), null);
        copy.copy(layout, TestImages.writeLinuxImage(layout, Platform.parse("linux/arm/v7")), target,
                List.of("1-linux-arm-v7"), null);

        MojoExecutionException wrong = assertThrows(MojoExecutionException.class,
                () -> merger("merger", "fita/wrong:1", properties()).execute());
        assertEquals(repo + ":1-linux-arm64 holds a linux/amd64 image (its config says os 'linux', architecture "
                + "'amd64'), not linux/arm64", wrong.getMessage());

        copy.copy(layout, TestImages.writeLinuxIndex(layout, TestImages.LINUX_ARM64), target, List.of("1-linux-arm64"),
                null);
        MojoExecutionException index = assertThrows(MojoExecutionException.class,
                () -> merger("merger", "fita/wrong:1", properties()).execute());
        assertEquals(repo + ":1-linux-arm64 is an image index (" + MediaTypes.OCI_INDEX + "), not the single "
                + "linux/arm64 image manifest a per-platform image must be", index.getMessage());
        assertEquals("none", digestAt(repo + ":1"));
        assertEquals("none", digestAt(repo + ":latest"));
    }

    @Test
    void imagesElsewhereComeThroughPlatformImagesAsFullReferencesMountedOrStreamed() throws Exception {
        OciLayout layout = OciLayout.create(work.resolve("images"));
        String armV7 = other.host() + "/ci/app:7-linux-arm-v7";
        new GraphCopy().copy(layout, TestImages.writeLinuxImage(layout, Platform.parse("linux/arm")),
                repository(other, "ci/app"), List.of("7-linux-arm-v7"), null);
        String arm64 = registry.host() + "/ci/app:7-linux-arm64";
        new GraphCopy().copy(layout, TestImages.writeLinuxImage(layout, TestImages.LINUX_ARM64),
                repository(registry, "ci/app"), List.of("7-linux-arm64"), null);
        new GraphCopy().copy(layout, TestImages.writeLinuxImage(layout, TestImages.LINUX_AMD64),
                repository(registry, "fita/elsewhere"), List.of("1-linux-amd64"), null);

        MergeMojo merge = merger("merger", "fita/elsewhere:1", properties());
        merge.platformImages = List.of(new PlatformImageConfig("linux/arm64", arm64));
        merge.session.getUserProperties().setProperty("fita.platformImages", "linux/arm/v7=" + armV7
                + ",linux/arm64=" + arm64);
        merge.execute();

        String log = ((RecordingLog) merge.getLog()).all();
        assertTrue(log.contains("info Copying linux/arm64 from " + arm64 + " (mounting its blobs)"), log);
        assertTrue(log.contains("info Copying linux/arm/v7 from " + armV7 + " (streaming its blobs from "
                + other.host() + ")"), log);
        ImageIndex index = ImageIndex.fromJson(client().repository(ImageReference.parse(registry.host()
                + "/fita/elsewhere:1")).manifests().fetch("1").bytes());
        assertEquals(List.of("linux/amd64", "linux/arm64", "linux/arm/v7", "zephyr/arm/v7"),
                index.manifests().stream().map(d -> d.platform().toString()).toList());
        Repository target = repository(registry, "fita/elsewhere");
        for (Descriptor entry : index.manifests()) {
            ImageManifest manifest = ImageManifest.fromJson(target.fetchAll(entry));
            for (Descriptor blob : manifest.layers()) {
                assertTrue(target.exists(blob), entry.platform() + " lacks " + blob.digest());
            }
        }
    }

    @Test
    void platformImagesMustBeFullReferencesOfMergedPlatforms() throws Exception {
        MergeMojo shortName = merger("merger", "fita/refused:1", properties());
        shortName.platformImages = List.of(new PlatformImageConfig("linux/arm64", "ci/app:1-linux-arm64"));
        MojoExecutionException e = assertThrows(MojoExecutionException.class, shortName::execute);
        assertEquals("<platformImages> linux/arm64: 'ci/app:1-linux-arm64' is not a full reference; per-platform "
                + "images outside <to><image> are given with registry and tag, e.g. "
                + "ci.example.com/fita/app:1.0-linux-arm64", e.getMessage());

        MergeMojo noTag = merger("merger", "fita/refused:1",
                properties("fita.platformImages", "linux/amd64=" + other.host() + "/ci/app"));
        assertTrue(assertThrows(MojoExecutionException.class, noTag::execute).getMessage()
                .startsWith("-Dfita.platformImages linux/amd64: '" + other.host() + "/ci/app' is not a full reference"));

        MergeMojo notMerged = merger("merger", "fita/refused:1",
                properties("fita.platformImages", "linux/s390x=" + other.host() + "/ci/app:1"));
        assertEquals("-Dfita.platformImages names linux/s390x, which is not one of the platforms merged "
                + "(linux/amd64, linux/arm64, linux/arm/v7: <platforms> or -Dfita.platforms)",
                assertThrows(MojoExecutionException.class, notMerged::execute).getMessage());
    }
}
