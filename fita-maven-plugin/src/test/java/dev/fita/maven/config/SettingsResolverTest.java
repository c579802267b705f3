package dev.fita.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.testing.Beans;
import dev.fita.maven.testing.Poms;
import dev.fita.oci.Platform;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsResolverTest {
    private static final Path BASEDIR = Path.of("/work/project");

    private static PomConfiguration pom(FromConfig from, ToConfig to, List<PlatformConfig> platforms,
            EmbServeConfig embServe) {
        Poms pom = new Poms(BASEDIR);
        pom.from = from;
        pom.to = to;
        pom.platforms = platforms;
        pom.embServe = embServe;
        return pom.build();
    }

    private static FitaSettings resolve(Properties user, PomConfiguration pom) {
        return new SettingsResolver(new PropertyOverrides(user, null, null)).resolve(pom);
    }

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    private static ToConfig to(String image, List<String> tags) {
        return Poms.to(image, tags);
    }

    private static PlatformConfig shorthand(String value) {
        PlatformConfig config = new PlatformConfig();
        config.set(value);
        return config;
    }

    private static EmbServeConfig embServe(String service, String platform) {
        EmbServeConfig config = new EmbServeConfig();
        Beans.set(config, "service", service == null ? null : new File(service));
        Beans.set(config, "platform", platform);
        return config;
    }

    @Test
    void defaults() {
        FitaSettings settings = resolve(null, pom(null, null, null, null));
        assertEquals("eclipse-temurin:17-jre", settings.from().image());
        assertEquals(List.of(Platform.parse("linux/amd64"), Platform.parse("linux/arm64")), settings.platforms());
        assertNull(settings.to().image());
        assertEquals(List.of("latest"), settings.to().tags());
        assertNull(settings.embServe());
        assertFalse(settings.allowInsecureRegistries());
        assertEquals(BASEDIR.resolve("target/fita"), settings.outputDirectory());
        assertEquals(BASEDIR.resolve("target/fita/image"), settings.layoutDirectory());
    }

    @Test
    void tagsAreTheImageTagThenTheConfiguredTagsWithoutDuplicates() {
        FitaSettings settings = resolve(null, pom(null,
                to("registry.example.com/fita/sensor:0.0.1", List.of("latest", "0.0.1", "stable")), null, null));
        assertEquals("registry.example.com/fita/sensor:0.0.1", settings.to().image());
        assertEquals(List.of("0.0.1", "latest", "stable"), settings.to().tags());
    }

    @Test
    void imageWithoutTagMeansLatest() {
        FitaSettings settings = resolve(null, pom(null, to("127.0.0.1:5000/app", null), null, null));
        assertEquals(List.of("latest"), settings.to().tags());
    }

    @Test
    void propertiesOverrideThePom() {
        FitaSettings settings = resolve(props(
                        "fita.to.image", "127.0.0.1:5000/other:2.0",
                        "fita.to.tags", "a, b,,c",
                        "fita.from.image", "127.0.0.1:5000/base:1",
                        "fita.platforms", "linux/arm/v7,linux/amd64",
                        "fita.allowInsecureRegistries", "",
                        "fita.outputDirectory", "out",
                        "fita.container.mainClass", "org.example.Other"),
                pom(null, to("registry.example.com/app:1.0", List.of("x")), List.of(shorthand("linux/s390x")), null));
        assertEquals("127.0.0.1:5000/other:2.0", settings.to().image());
        assertEquals(List.of("2.0", "a", "b", "c"), settings.to().tags());
        assertEquals("127.0.0.1:5000/base:1", settings.from().image());
        assertEquals(List.of(Platform.parse("linux/arm/v7"), Platform.parse("linux/amd64")), settings.platforms());
        assertTrue(settings.allowInsecureRegistries());
        assertEquals(BASEDIR.resolve("out"), settings.outputDirectory());
        assertEquals("org.example.Other", settings.container().mainClass());
    }

    @Test
    void projectPropertiesOnlyFillInWhatThePomLeavesUnset() {
        Properties project = props("fita.to.image", "127.0.0.1:5000/from-project:1");
        PropertyOverrides overrides = new PropertyOverrides(null, null, project);
        FitaSettings fromPom = new SettingsResolver(overrides).resolve(pom(null, to("127.0.0.1:5000/pom:2", null), null, null));
        assertEquals("127.0.0.1:5000/pom:2", fromPom.to().image());
        FitaSettings fromProject = new SettingsResolver(overrides).resolve(pom(null, null, null, null));
        assertEquals("127.0.0.1:5000/from-project:1", fromProject.to().image());
    }

    @Test
    void objectAndShorthandPlatformsMix() {
        FitaSettings settings = resolve(null, pom(null, null,
                List.of(new PlatformConfig("linux", "arm", "v7"), shorthand("linux/arm64")), null));
        assertEquals(List.of(new Platform("linux", "arm", "v7"), new Platform("linux", "arm64")), settings.platforms());
    }

    @Test
    void badPlatformStringNamesTheElementAndValue() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(null, pom(null, null, List.of(shorthand("linux-amd64")), null)));
        assertTrue(e.getMessage().startsWith("<platforms>: 'linux-amd64' is not a platform"), e.getMessage());
    }

    @Test
    void badPlatformPropertyNamesTheProperty() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(props("fita.platforms", "linux/AMD64"), pom(null, null, null, null)));
        assertTrue(e.getMessage().startsWith("-Dfita.platforms: 'linux/AMD64' is not a platform"), e.getMessage());
    }

    @Test
    void objectPlatformNeedsOsAndArchitecture() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(null, pom(null, null, List.of(new PlatformConfig("linux", null, null)), null)));
        assertEquals("<platforms><platform> needs both <os> and <architecture> (got os 'linux', architecture 'null')",
                e.getMessage());
    }

    @Test
    void duplicatePlatform() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolve(null,
                pom(null, null, List.of(shorthand("linux/arm64"), new PlatformConfig("linux", "arm64", null)), null)));
        assertEquals("<platforms> lists linux/arm64 twice", e.getMessage());
    }

    @Test
    void zephyrAmongContainerPlatforms() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolve(null,
                pom(null, null, List.of(shorthand("linux/amd64"), shorthand("zephyr/arm/v7")), null)));
        assertEquals("zephyr/arm/v7 in <platforms> is not a container platform; the embServe entry is configured"
                + " with <embServe><platform>", e.getMessage());
    }

    @Test
    void invalidTargetReference() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(null, pom(null, to("Registry.example.com/UPPER CASE:1", null), null, null)));
        assertTrue(e.getMessage().startsWith("<to><image> 'Registry.example.com/UPPER CASE:1' is not a valid image reference"),
                e.getMessage());
    }

    @Test
    void targetWithDigestIsRefused() {
        String image = "127.0.0.1:5000/app@sha256:" + "a".repeat(64);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(null, pom(null, to(image, null), null, null)));
        assertTrue(e.getMessage().contains("names a digest"), e.getMessage());
    }

    @Test
    void invalidTag() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(null, pom(null, to("127.0.0.1:5000/app:1", List.of("-bad")), null, null)));
        assertTrue(e.getMessage().startsWith("<to><tags> '-bad' is not a valid tag"), e.getMessage());
    }

    @Test
    void invalidBaseImage() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(props("fita.from.image", "not a ref"), pom(null, null, null, null)));
        assertTrue(e.getMessage().startsWith("<from><image> 'not a ref' is not a valid image reference"), e.getMessage());
    }

    @Test
    void halfAPairOfAuthPropertiesWarnsAsJibDoesAndTheAuthElementStillCounts() {
        ToConfig to = to("127.0.0.1:5000/app:1", List.of());
        Beans.set(to, "auth", new AuthConfig("carol", "from-the-pom"));
        FitaSettings settings = resolve(props("jib.to.auth.username", "alice"), pom(null, to, null, null));
        assertEquals(new Auth("carol", "from-the-pom"), settings.to().auth());
        assertEquals(List.of("-Djib.to.auth.username (or -Dfita.to.auth.username) is set, but not its password;"
                + " attempting other authentication methods."), settings.warnings());
    }

    @Test
    void halfAnAuthElementIsIgnoredWithAWarningNamingItAndNeverTheSecret() {
        ToConfig to = to("127.0.0.1:5000/app:1", List.of());
        Beans.set(to, "auth", new AuthConfig(null, "s3cret"));
        FitaSettings settings = resolve(props(), pom(null, to, null, null));
        assertEquals(null, settings.to().auth(), "the other credential sources are tried, as in Jib");
        assertEquals(List.of("username is missing from <to><auth>; ignoring it (attempting other authentication"
                + " methods)."), settings.warnings());
    }

    @Test
    void authFromPropertiesAndNeverPrinted() {
        FitaSettings settings = resolve(props("fita.from.auth.username", "bob", "fita.from.auth.password", "s3cret"),
                pom(null, null, null, null));
        assertEquals(new Auth("bob", "s3cret"), settings.from().auth());
        assertFalse(settings.from().auth().toString().contains("s3cret"));
        assertFalse(settings.toString().contains("s3cret"));
        assertFalse(new AuthConfig("bob", "s3cret").toString().contains("s3cret"));
    }

    @Test
    void embServeDefaultsAndRelativePaths() {
        FitaSettings settings = resolve(null, pom(null, null, null, embServe("src/main/embserve/service.json", null)));
        assertEquals(BASEDIR.resolve("src/main/embserve/service.json"), settings.embServe().service());
        assertEquals(Platform.parse("zephyr/arm/v7"), settings.embServe().platform());
        assertNull(settings.embServe().config());
    }

    @Test
    void embServeFromPropertiesAlone() {
        FitaSettings settings = resolve(props("fita.embServe.service", "/abs/service.json",
                "fita.embServe.platform", "zephyr/riscv64"), pom(null, null, null, null));
        assertEquals(Path.of("/abs/service.json"), settings.embServe().service());
        assertEquals(Platform.parse("zephyr/riscv64"), settings.embServe().platform());
    }

    @Test
    void embServeWithoutService() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(null, pom(null, null, null, embServe(null, "zephyr/arm/v7"))));
        assertTrue(e.getMessage().startsWith("<embServe> has no <service>"), e.getMessage());
    }

    @Test
    void embServeBadPlatform() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(null, pom(null, null, null, embServe("service.json", "zephyr"))));
        assertTrue(e.getMessage().startsWith("<embServe><platform>: 'zephyr' is not a platform"), e.getMessage());
    }

    @Test
    void embServePlatformClashingWithAContainerPlatform() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolve(null, pom(null, null, null, embServe("service.json", "linux/arm64"))));
        assertTrue(e.getMessage().startsWith("<embServe><platform> linux/arm64 clashes with linux/arm64 in <platforms>"),
                e.getMessage());
    }
}
