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

/** The view of the settings that Jib's configuration processor gets. */
class JibRawConfigurationTest {
    private static final Path BASEDIR = Path.of("/p");

    private static JibRawConfiguration raw(Poms pom, Properties user, Platform... platforms) {
        PropertyOverrides properties = new PropertyOverrides(user, null, null);
        FitaSettings settings = new SettingsResolver(properties).resolve(pom.build());
        return new JibRawConfiguration(settings, properties, List.of(platforms), BASEDIR.resolve("target/fita/work/x.tar"));
    }

    @Test
    void theLinuxPlatformsWithoutVariantsOciAndNoJibOutputFiles() {
        Poms pom = new Poms(BASEDIR);
        pom.to = Poms.to("registry.example.com/app:1", List.of("latest", "stable"));
        pom.container = Poms.container("format", "OCI", "mainClass", "org.example.Main");
        JibRawConfiguration raw = raw(pom, null, Platform.parse("linux/arm/v7"), Platform.parse("linux/amd64"),
                Platform.parse("linux/arm/v6"));
        assertEquals(List.of("linux/arm", "linux/amd64"), raw.getPlatforms().stream()
                .map(p -> p.getOsName().orElseThrow() + "/" + p.getArchitectureName().orElseThrow()).toList(),
                "jib-core has no variant: arm/v7 and arm/v6 are one jib-core platform");
        assertEquals(ImageFormat.OCI, raw.getImageFormat());
        assertEquals(BASEDIR.resolve("target/fita/work/x.tar"), raw.getTarOutputPath());
        assertEquals(Optional.of("fita-build/linux:latest"), raw.getToImage(), "an internal name");
        assertEquals(List.of(), List.copyOf(raw.getToTags()), "fita tags the index");
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
        JibRawConfiguration raw = raw(pom, user, Platform.parse("linux/amd64"));
        assertEquals("prop", raw.getFromAuth().getUsername());
        assertEquals("<from><auth>", raw.getFromAuth().getAuthDescriptor());
        assertEquals(Optional.empty(), raw.getProperty("jib.from.auth.username"));
        assertEquals(Optional.of("true"), raw.getProperty("jib.alwaysCacheBaseImage"), "fita.* aliases Jib's names");
        assertTrue(raw.getFromCredHelper().getHelperName().isEmpty());
    }
}
