package dev.fita.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import dev.fita.maven.testing.Beans;
import dev.fita.maven.testing.Poms;
import dev.fita.oci.Platform;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** jib-maven-plugin's parameters and jib.* properties as fita resolves them, and the precedence rules. */
class JibParametersTest {
    private static final Path BASEDIR = Path.of("/work/project");

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    private static FitaSettings resolve(Poms pom, Properties user, Properties project) {
        return new SettingsResolver(new PropertyOverrides(user, null, project)).resolve(pom.build());
    }

    private static FitaSettings resolve(Poms pom) {
        return resolve(pom, null, null);
    }

    private static Poms pom() {
        return new Poms(BASEDIR);
    }

    private static PlatformConfig platform(String value) {
        PlatformConfig config = new PlatformConfig();
        config.set(value);
        return config;
    }

    @Test
    void jibPropertiesAreAccepted() {
        FitaSettings settings = resolve(pom(), props(
                "jib.from.image", "127.0.0.1:5000/base:1",
                "jib.to.image", "127.0.0.1:5000/app:2",
                "jib.to.tags", "a,b",
                "jib.from.platforms", "linux/amd64,linux/arm64",
                "jib.container.mainClass", "org.example.Main",
                "jib.container.jvmFlags", "-Xmx64m,-Dx=1",
                "jib.container.environment", "MODE=edge,LEVEL=2",
                "jib.container.labels", "team=iot",
                "jib.container.volumes", "/data",
                "jib.container.ports", "8080,9000/udp",
                "jib.container.entrypoint", "INHERIT",
                "jib.container.expandClasspathDependencies", "true",
                "jib.container.extraClasspath", "/opt/extra/*",
                "jib.container.creationTime", "USE_CURRENT_TIMESTAMP",
                "jib.container.user", "1000",
                "jib.containerizingMode", "packaged",
                "jib.extraDirectories.paths", "src/extra",
                "jib.extraDirectories.permissions", "/run.sh=755",
                "jib.outputPaths.tar", "target/image.tar",
                "jib.allowInsecureRegistries", "true"), null);
        assertEquals("127.0.0.1:5000/base:1", settings.from().image());
        assertTrue(settings.from().configured());
        assertEquals("127.0.0.1:5000/app:2", settings.to().image());
        assertEquals(List.of("2", "a", "b"), settings.to().tags());
        assertEquals(SettingsResolver.DEFAULT_PLATFORMS, settings.platforms());
        ContainerSettings c = settings.container();
        assertEquals("org.example.Main", c.mainClass());
        assertEquals(List.of("-Xmx64m", "-Dx=1"), c.jvmFlags());
        assertEquals(Map.of("MODE", "edge", "LEVEL", "2"), c.environment());
        assertEquals(Map.of("team", "iot"), c.labels());
        assertEquals(List.of("/data"), c.volumes());
        assertEquals(List.of("8080", "9000/udp"), c.ports());
        assertEquals(List.of("INHERIT"), c.entrypoint());
        assertTrue(c.expandClasspathDependencies());
        assertEquals(List.of("/opt/extra/*"), c.extraClasspath());
        assertEquals("USE_CURRENT_TIMESTAMP", c.creationTime());
        assertEquals("EPOCH_PLUS_SECOND", c.filesModificationTime());
        assertEquals("1000", c.user());
        assertEquals("packaged", settings.layers().containerizingMode());
        assertEquals(List.of(new ExtraDirectory(BASEDIR.resolve("src/extra"), "/", null, null)),
                settings.layers().extraDirectories());
        assertEquals(Map.of("/run.sh", FilePermissions.fromOctalString("755")), settings.layers().permissions());
        assertEquals(BASEDIR.resolve("target/image.tar"), settings.outputPaths().tarOrNull());
        assertTrue(settings.allowInsecureRegistries());
    }

    @Test
    void fitaPropertyBeatsJibPropertyBeatsPomBeatsFitaProjectProperty() {
        Poms pom = pom();
        pom.to = Poms.to("127.0.0.1:5000/pom:1", null);
        pom.container = Poms.container("user", "pom-user");
        assertEquals("127.0.0.1:5000/fita:1", resolve(pom, props("fita.to.image", "127.0.0.1:5000/fita:1",
                "jib.to.image", "127.0.0.1:5000/jib:1", "image", "127.0.0.1:5000/short:1"), null).to().image());
        assertEquals("127.0.0.1:5000/short:1", resolve(pom, props("jib.to.image", "127.0.0.1:5000/jib:1",
                "image", "127.0.0.1:5000/short:1"), null).to().image(), "-Dimage is Jib's alternative to jib.to.image");
        assertEquals("127.0.0.1:5000/jib:1", resolve(pom, null, props("jib.to.image", "127.0.0.1:5000/jib:1"))
                .to().image(), "a Jib pom's <properties> beat its <configuration>, as in Jib");
        assertEquals("pom-user", resolve(pom, null, props("fita.container.user", "project-user")).container().user());
        assertEquals("project-user", resolve(pom(), null, props("fita.container.user", "project-user"))
                .container().user());
    }

    @Test
    void existingFitaPropertiesStillWork() {
        FitaSettings settings = resolve(pom(), props("fita.from.image", "127.0.0.1:5000/b:1", "fita.to.image",
                "127.0.0.1:5000/a:1", "fita.to.tags", "x", "fita.platforms", "linux/arm/v7",
                "fita.container.mainClass", "M", "fita.allowInsecureRegistries", "", "fita.outputDirectory", "out",
                "fita.from.credHelper", "gcr", "fita.to.credHelper", "ecr-login"), null);
        assertEquals("127.0.0.1:5000/b:1", settings.from().image());
        assertEquals(List.of("1", "x"), settings.to().tags());
        assertEquals(List.of(Platform.parse("linux/arm/v7")), settings.platforms());
        assertEquals("M", settings.container().mainClass());
        assertTrue(settings.allowInsecureRegistries());
        assertEquals(BASEDIR.resolve("out"), settings.outputDirectory());
        assertEquals("gcr", settings.from().credHelper().helper());
        assertEquals("ecr-login", settings.to().credHelper().helper());
    }

    @Test
    void fromPlatformsIsTheSameListAsPlatforms() {
        Poms pom = pom();
        pom.from = Beans.set(Poms.from("base:1"), "platforms",
                List.of(new PlatformConfig("linux", "arm64", null), platform("linux/arm/v7")));
        assertEquals(List.of(Platform.parse("linux/arm64"), Platform.parse("linux/arm/v7")), resolve(pom).platforms());
    }

    @Test
    void platformsAndFromPlatformsTogetherAreAnError() {
        Poms pom = pom();
        pom.from = Beans.set(Poms.from("base:1"), "platforms", List.of(platform("linux/arm64")));
        pom.platforms = List.of(platform("linux/amd64"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolve(pom));
        assertTrue(e.getMessage().startsWith("Both <platforms> and <from><platforms> are set; keep one of them"),
                e.getMessage());
        // A property replaces both, so there is nothing to choose between.
        assertEquals(List.of(Platform.parse("linux/s390x")),
                resolve(pom, props("jib.from.platforms", "linux/s390x"), null).platforms());
    }

    @Test
    void fromPlatformsErrorsNameThatElement() {
        Poms pom = pom();
        pom.from = Beans.set(Poms.from("base:1"), "platforms", List.of(platform("linux/amd64"), platform("linux/amd64")));
        assertEquals("<from><platforms> lists linux/amd64 twice",
                assertThrows(ConfigurationException.class, () -> resolve(pom)).getMessage());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(pom(), props("jib.from.platforms", "linux"), null));
        assertTrue(e.getMessage().startsWith("jib.from.platforms: 'linux' is not a platform"), e.getMessage());
    }

    @Test
    void dockerFormatIsRefusedWithTheReason() {
        Poms pom = pom();
        pom.container = Poms.container("format", "Docker");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolve(pom));
        assertEquals("<container><format>Docker</format> cannot be built by fita: it writes one OCI image index, "
                + "whose entries must be OCI image manifests, so remove <format> or set it to OCI", e.getMessage());
        assertThrows(ConfigurationException.class, () -> resolve(pom(), props("jib.container.format", "Docker"), null));
        pom.container = Poms.container("format", "OCI");
        resolve(pom);
        pom.container = Poms.container("format", "Helm");
        assertTrue(assertThrows(ConfigurationException.class, () -> resolve(pom)).getMessage()
                .startsWith("<container><format> 'Helm' is not a format"));
    }

    @Test
    void outputTimestampIsTheDefaultOnlyWhenNeitherTimeIsSet() {
        Instant timestamp = Instant.parse("2026-01-01T00:00:00Z");
        Poms pom = pom();
        pom.outputTimestamp = timestamp;
        ContainerSettings both = resolve(pom).container();
        assertEquals("2026-01-01T00:00:00Z", both.creationTime());
        assertEquals("2026-01-01T00:00:00Z", both.filesModificationTime());

        pom.container = Poms.container("creationTime", "USE_CURRENT_TIMESTAMP");
        ContainerSettings one = resolve(pom).container();
        assertEquals("USE_CURRENT_TIMESTAMP", one.creationTime());
        assertEquals("EPOCH_PLUS_SECOND", one.filesModificationTime(), "Jib's default once a Jib time is set");

        ContainerSettings neither = resolve(pom()).container();
        assertEquals("EPOCH", neither.creationTime());
        assertEquals("EPOCH_PLUS_SECOND", neither.filesModificationTime());
    }

    @Test
    void extraDirectoriesDefaultToSrcMainJib() {
        LayerSettings layers = resolve(pom()).layers();
        assertEquals(List.of(new ExtraDirectory(BASEDIR.resolve("src/main/jib"), "/", null, null)),
                layers.extraDirectories());
        assertEquals("exploded", layers.containerizingMode());
        assertEquals(Map.of(), layers.permissions());
    }

    @Test
    void extraDirectoryObjectAndStringFormsAndPermissionsInOrder() {
        ExtraDirectoryConfig shorthand = new ExtraDirectoryConfig();
        shorthand.set(new File("src/main/extra"));
        ExtraDirectoryConfig object = new ExtraDirectoryConfig(new File("/abs/conf"), "/opt/conf");
        Beans.set(object, "includes", List.of("*.yml"));
        Beans.set(object, "excludes", List.of("secret.yml"));
        ExtraDirectoriesConfig extra = new ExtraDirectoriesConfig();
        Beans.set(extra, "paths", List.of(shorthand, object));
        Beans.set(extra, "permissions", List.of(new PermissionConfig("/opt/conf/**", "640"),
                new PermissionConfig("/run.sh", "755")));
        Poms pom = pom();
        pom.extraDirectories = extra;
        LayerSettings layers = resolve(pom).layers();
        assertEquals(List.of(new ExtraDirectory(BASEDIR.resolve("src/main/extra"), "/", null, null),
                new ExtraDirectory(Path.of("/abs/conf"), "/opt/conf", List.of("*.yml"), List.of("secret.yml"))),
                layers.extraDirectories());
        assertEquals(List.of("/opt/conf/**", "/run.sh"), List.copyOf(layers.permissions().keySet()));
        assertEquals("640", layers.permissions().get("/opt/conf/**").toOctalString());
    }

    @Test
    void badPermissionAndIncompleteExtraDirectoriesNameTheElement() {
        ExtraDirectoriesConfig extra = new ExtraDirectoriesConfig();
        Beans.set(extra, "permissions", List.of(new PermissionConfig("/run.sh", "9z9")));
        Poms pom = pom();
        pom.extraDirectories = extra;
        assertEquals("<extraDirectories><permissions>: mode '9z9' of /run.sh is not a three-digit octal file mode"
                + " such as 644 or 755", assertThrows(ConfigurationException.class, () -> resolve(pom)).getMessage());
        ExtraDirectoriesConfig noFrom = new ExtraDirectoriesConfig();
        Beans.set(noFrom, "paths", List.of(new ExtraDirectoryConfig(null, "/opt")));
        pom.extraDirectories = noFrom;
        assertTrue(assertThrows(ConfigurationException.class, () -> resolve(pom)).getMessage()
                .startsWith("<extraDirectories><paths> has a <path> without <from>"));
    }

    @Test
    void outputPathsDefaultToJibsFilesAndNoArchive() {
        OutputPaths paths = resolve(pom()).outputPaths();
        assertNull(paths.tarOrNull());
        assertEquals(BASEDIR.resolve("target/jib-image.digest"), paths.digest());
        assertEquals(BASEDIR.resolve("target/jib-image.id"), paths.imageId());
        assertEquals(BASEDIR.resolve("target/jib-image.json"), paths.imageJson());
        OutputPaths fromProperty = resolve(pom(), props("fita.outputPaths.digest", "out/d.txt"), null).outputPaths();
        assertEquals(BASEDIR.resolve("out/d.txt"), fromProperty.digest());
    }

    @Test
    void credHelperStringAndObjectForms() {
        Poms pom = pom();
        pom.from = Poms.from("base:1");
        Beans.set(pom.from, "credHelper", new CredHelperConfig("ecr-login", Map.of("AWS_PROFILE", "ci")));
        CredHelperConfig string = new CredHelperConfig();
        string.set("gcr");
        pom.to = Beans.set(Poms.to("r.example.com/app:1", null), "credHelper", string);
        FitaSettings settings = resolve(pom);
        assertEquals(new CredHelper("ecr-login", Map.of("AWS_PROFILE", "ci")), settings.from().credHelper());
        assertEquals(new CredHelper("gcr", Map.of()), settings.to().credHelper());
        assertEquals("osxkeychain", resolve(pom, props("jib.from.credHelper", "osxkeychain"), null)
                .from().credHelper().helper());
        assertEquals(CredHelper.NONE, resolve(pom()).from().credHelper());
    }

    @Test
    void toStringFormIsTheImage() {
        ToConfig to = new ToConfig();
        to.set("127.0.0.1:5000/app:3");
        Poms pom = pom();
        pom.to = to;
        assertEquals(List.of("3"), resolve(pom).to().tags());
    }

    @Test
    void authPropertiesWinOverAuthElementAsInJib() {
        Poms pom = pom();
        pom.to = Beans.set(Poms.to("r.example.com/app:1", null), "auth", new AuthConfig("pom", "pom-pw"));
        assertEquals(new Auth("pom", "pom-pw"), resolve(pom).to().auth());
        assertEquals(new Auth("prop", "prop-pw"), resolve(pom, props("jib.to.auth.username", "prop",
                "jib.to.auth.password", "prop-pw"), null).to().auth());
        // Half a pair of properties: Jib warns and goes on to <auth>.
        FitaSettings half = resolve(pom, props("jib.to.auth.username", "prop"), null);
        assertEquals(new Auth("pom", "pom-pw"), half.to().auth());
        assertEquals(1, half.warnings().size());
        assertFalse(half.warnings().get(0).contains("pom-pw"));
    }

    @Test
    void baseImageDefaultIsNotConfigured() {
        Poms pom = pom();
        pom.defaultFromImage = "jetty";
        BaseImageSettings from = resolve(pom).from();
        assertEquals("jetty", from.image());
        assertFalse(from.configured(), "Jib chooses a WAR's entrypoint by whether <from><image> was given");
        pom.from = Poms.from("tar://base.tar");
        assertTrue(resolve(pom).from().configured(), "Jib's tar:// base images are accepted as they are");
    }

    @Test
    void dockerClientAndSkaffoldAreWarnedAbout() {
        Poms pom = pom();
        assertEquals(List.of(), resolve(pom).warnings());
        assertEquals(1, resolve(pom, props("jib.dockerClient.executable", "/usr/bin/docker"), null).warnings().size());
        String warning = resolve(pom, props("jib.dockerClient.executable", "/usr/bin/docker"), null).warnings().get(0);
        assertTrue(warning.startsWith("<dockerClient> is ignored: fita builds without a Docker daemon"), warning);
    }

    @Test
    void pluginExtensionNeedsItsImplementation() {
        Poms pom = pom();
        pom.pluginExtensions = List.of(new PluginExtensionConfig());
        assertTrue(assertThrows(ConfigurationException.class, () -> resolve(pom)).getMessage()
                .startsWith("<pluginExtensions><pluginExtension> has no <implementation>"));
    }

    @Test
    void jibContainerizeSelectsOneModule() {
        assertTrue(ModuleSelection.selects(null, "g", "a", BASEDIR));
        assertTrue(ModuleSelection.selects("g:a", "g", "a", BASEDIR));
        assertTrue(ModuleSelection.selects(":a", "g", "a", BASEDIR));
        assertFalse(ModuleSelection.selects(":other", "g", "a", BASEDIR));
        assertTrue(ModuleSelection.selects("project", "g", "a", BASEDIR));
        assertFalse(ModuleSelection.selects("elsewhere", "g", "a", BASEDIR));
    }
}
