package dev.fita.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Every place a platform is configured refuses FITA's and uname's spellings, naming the element and the fix. */
class PlatformSpellingSettingsTest {
    private static final Path BASEDIR = Path.of("/work/project");

    private static FitaSettings resolve(Properties user, List<PlatformConfig> platforms, EmbServeConfig embServe) {
        Poms pom = new Poms(BASEDIR);
        pom.platforms = platforms;
        pom.embServe = embServe;
        return new SettingsResolver(new PropertyOverrides(user, null, null)).resolve(pom.build());
    }

    private static String error(Properties user, List<PlatformConfig> platforms, EmbServeConfig embServe) {
        return assertThrows(ConfigurationException.class, () -> resolve(user, platforms, embServe)).getMessage();
    }

    private static Properties props(String name, String value) {
        Properties p = new Properties();
        p.setProperty(name, value);
        return p;
    }

    private static EmbServeConfig embServe(String platform) {
        return Beans.set(Beans.set(new EmbServeConfig(), "service", new File("service.json")), "platform", platform);
    }

    private static PlatformConfig shorthand(String value) {
        PlatformConfig config = new PlatformConfig();
        config.set(value);
        return config;
    }

    @Test
    void embServePlatformInFitasSpelling() {
        assertEquals("<embServe><platform>: 'zephyr/armv7' is not a platform as OCI spells it: FITA's far-edge kubelet "
                        + "asks for zephyr/arm/v7 and compares os, architecture and variant exactly; write zephyr/arm/v7 "
                        + "(os zephyr, architecture arm, variant v7)",
                error(null, null, embServe("zephyr/armv7")));
    }

    @Test
    void embServePlatformPropertyInFitasSpelling() {
        String message = error(props("fita.embServe.platform", "zephyr/armv7"), null, embServe(null));
        assertTrue(message.startsWith("<embServe><platform>: 'zephyr/armv7' is not a platform as OCI spells it"),
                message);
    }

    @Test
    void platformsPropertyWithUnameNames() {
        assertEquals("-Dfita.platforms: 'linux/aarch64' is not a platform as OCI spells it: OCI uses Go's os and "
                        + "architecture names with the ARM version as the variant, and pullers such as oras-go and jib "
                        + "compare them exactly; write linux/arm64 (os linux, architecture arm64)",
                error(props("fita.platforms", "linux/amd64,linux/aarch64"), null, null));
        assertTrue(error(props("fita.platforms", "linux/x86_64"), null, null)
                .endsWith("; write linux/amd64 (os linux, architecture amd64)"));
    }

    @Test
    void platformElementsInBothForms() {
        assertTrue(error(null, List.of(shorthand("linux/armv7")), null)
                .startsWith("<platforms>: 'linux/armv7' is not a platform as OCI spells it"));
        String message = error(null, List.of(new PlatformConfig("linux", "arm", "7")), null);
        assertTrue(message.startsWith("<platforms>: 'linux/arm/7' is not a platform as OCI spells it"), message);
        assertTrue(message.endsWith("; write linux/arm/v7 (os linux, architecture arm, variant v7)"), message);
    }

    @Test
    void ociSpellingsPass() {
        FitaSettings settings = resolve(props("fita.platforms", "linux/arm64/v8,linux/arm,linux/386"),
                null, embServe("zephyr/arm/v7"));
        assertEquals(List.of(Platform.parse("linux/arm64/v8"), Platform.parse("linux/arm"), Platform.parse("linux/386")),
                settings.platforms());
        assertEquals(Platform.parse("zephyr/arm/v7"), settings.embServe().platform());
    }
}
