package dev.fita.maven.jib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import dev.fita.maven.config.AuthConfig;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.PropertyOverrides;
import dev.fita.maven.config.SettingsResolver;
import dev.fita.maven.testing.Beans;
import dev.fita.maven.testing.Poms;
import dev.fita.oci.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The per-platform view of the settings that Jib's configuration processor gets. */
class PlatformRawConfigurationTest {
    private static final Path BASEDIR = Path.of("/p");

    private static PlatformRawConfiguration raw(Poms pom, Properties user, Platform platform) {
        PropertyOverrides properties = new PropertyOverrides(user, null, null);
        FitaSettings settings = new SettingsResolver(properties).resolve(pom.build());
        return new PlatformRawConfiguration(settings, properties, platform, BASEDIR.resolve("target/fita/work/x.tar"));
    }

    @Test
    void onePlatformOciATarAndNoJibOutputFiles() {
        Poms pom = new Poms(BASEDIR);
        pom.to = Poms.to("registry.example.com/app:1", List.of("latest", "stable"));
        pom.container = Poms.container("format", "OCI", "mainClass", "org.example.Main");
        PlatformRawConfiguration raw = raw(pom, null, Platform.parse("linux/arm/v7"));
        assertEquals(1, raw.getPlatforms().size());
        assertEquals(Optional.of("linux"), raw.getPlatforms().get(0).getOsName());
        assertEquals(Optional.of("arm"), raw.getPlatforms().get(0).getArchitectureName(), "jib-core has no variant");
        assertEquals(ImageFormat.OCI, raw.getImageFormat());
        assertEquals(BASEDIR.resolve("target/fita/work/x.tar"), raw.getTarOutputPath());
        assertEquals(Optional.of("fita-build/linux-arm:latest"), raw.getToImage(), "the tar's internal name");
        assertEquals(List.of(), List.copyOf(raw.getToTags()), "one name in the tar; fita tags the index");
        assertNull(raw.getDigestOutputPath());
        assertNull(raw.getImageIdOutputPath());
        assertNull(raw.getImageJsonOutputPath());
        assertEquals(Optional.of("org.example.Main"), raw.getMainClass());
        assertEquals(Optional.empty(), raw.getDockerExecutable());
    }

    @Test
    void unsetBaseImageStaysUnsetForJib() {
        Poms pom = new Poms(BASEDIR);
        pom.defaultFromImage = "jetty";
        assertEquals(Optional.empty(), raw(pom, null, Platform.parse("linux/amd64")).getFromImage());
        pom.from = Poms.from("eclipse-temurin:21-jre");
        assertEquals(Optional.of("eclipse-temurin:21-jre"), raw(pom, null, Platform.parse("linux/amd64")).getFromImage());
    }

    @Test
    void authIsResolvedOnceAndItsPropertiesAreNotAskedAgain() {
        Poms pom = new Poms(BASEDIR);
        pom.from = Beans.set(Poms.from("base:1"), "auth", new AuthConfig("pom", "pom-pw"));
        Properties user = new Properties();
        user.setProperty("jib.from.auth.username", "prop");
        user.setProperty("jib.from.auth.password", "prop-pw");
        user.setProperty("fita.alwaysCacheBaseImage", "true");
        PlatformRawConfiguration raw = raw(pom, user, Platform.parse("linux/amd64"));
        assertEquals("prop", raw.getFromAuth().getUsername());
        assertEquals("<from><auth>", raw.getFromAuth().getAuthDescriptor());
        assertEquals(Optional.empty(), raw.getProperty("jib.from.auth.username"));
        assertEquals(Optional.of("true"), raw.getProperty("jib.alwaysCacheBaseImage"), "fita.* aliases Jib's names");
        assertTrue(raw.getFromCredHelper().getHelperName().isEmpty());
    }
}
