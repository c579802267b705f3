package dev.fita.maven.uptodate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.fita.maven.config.EmbServeConfig;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.testing.Beans;
import dev.fita.maven.testing.JibBuilds;
import dev.fita.maven.testing.Poms;
import dev.fita.maven.testing.TestProjects;
import dev.fita.oci.Digest;
import dev.fita.oci.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringReader;
import java.nio.file.attribute.FileTime;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each input that shapes the image changes the digest; what does not (credentials, other properties) does not. */
class ProjectInputsTest {
    @TempDir
    Path dir;

    private MavenProject project;
    private final Properties user = new Properties();
    private PluginDescriptor descriptor = TestProjects.descriptor();

    private String containerizingMode;

    private Digest digest() throws Exception {
        Poms pom = new Poms(dir);
        pom.containerizingMode = containerizingMode;
        pom.embServe = Beans.set(new EmbServeConfig(), "service", dir.resolve("service.json").toFile());
        FitaSettings settings = JibBuilds.settings(pom, user, project);
        MavenSession session = TestProjects.session(project, false, user);
        return ProjectInputs.of(project, session, descriptor, settings).digest();
    }

    private MavenProject project() throws Exception {
        MavenProject p = TestProjects.project(dir, "jar");
        Files.writeString(dir.resolve("target/classes/App.class"), "classes");
        Files.write(dir.resolve("service.json"), TestImages.serviceJson());
        Path lib = Files.writeString(dir.resolve("lib-1.0.jar"), "a jar");
        TestProjects.addDependencies(p, TestProjects.dependency("lib", "1.0", "compile", lib));
        Plugin fita = new Plugin();
        fita.setGroupId("dev.fita");
        fita.setArtifactId("fita-maven-plugin");
        fita.setConfiguration(dom("<configuration><from><image>base:1</image>"
                + "<auth><username>u</username><password>secret-1</password></auth></from></configuration>"));
        p.getBuild().addPlugin(fita);
        return p;
    }

    @Test
    void sameInputsSameDigest() throws Exception {
        project = project();
        assertEquals(digest(), digest());
    }

    @Test
    void aChangedClassResourceOrDependencyChangesIt() throws Exception {
        project = project();
        Digest before = digest();
        Path classFile = dir.resolve("target/classes/App.class");
        Files.writeString(classFile, "classes, changed");
        Digest changed = digest();
        assertNotEquals(before, changed, "a class file's size and time");
        Files.writeString(dir.resolve("target/classes/app.properties"), "new resource");
        assertNotEquals(changed, digest(), "a new resource");
        Digest withResource = digest();
        Files.setLastModifiedTime(dir.resolve("lib-1.0.jar"), FileTime.fromMillis(1_000_000));
        assertNotEquals(withResource, digest(), "a dependency's time");
    }

    @Test
    void theEffectivePomAndFitaOrJibPropertiesCountCredentialsDoNot() throws Exception {
        project = project();
        Digest before = digest();
        project.getModel().getProperties().setProperty("project.build.outputTimestamp", "2026-02-02T00:00:00Z");
        Digest pom = digest();
        assertNotEquals(before, pom, "the pom (here project.build.outputTimestamp)");
        user.setProperty("jib.container.labels", "a=b");
        Digest jib = digest();
        assertNotEquals(pom, jib, "a jib.* property");
        user.setProperty("fita.platforms", "linux/arm64");
        Digest fita = digest();
        assertNotEquals(jib, fita, "a fita.* property");
        user.setProperty("unrelated", "x");
        user.setProperty("jib.from.auth.username", "user");
        user.setProperty("jib.from.auth.password", "secret-2");
        assertEquals(fita, digest(), "other properties and credentials do not shape the image");
        project.getBuild().getPluginsAsMap().get("dev.fita:fita-maven-plugin").setConfiguration(
                dom("<configuration><from><image>base:1</image><auth><username>u</username>"
                        + "<password>secret-3</password></auth></from></configuration>"));
        assertEquals(fita, digest(), "nor does <from><auth> in the pom");
    }

    @Test
    void theServiceJsonCountsByContent() throws Exception {
        project = project();
        Digest before = digest();
        FileTime time = Files.getLastModifiedTime(dir.resolve("service.json"));
        Files.writeString(dir.resolve("service.json"), new String(TestImages.serviceJson()).replace("1", "2"));
        Files.setLastModifiedTime(dir.resolve("service.json"), time);
        assertNotEquals(before, digest());
    }

    @Test
    void inPackagedModeTheJarCountsByContent() throws Exception {
        project = project();
        containerizingMode = "packaged";
        Path jar = Files.writeString(dir.resolve("target/app-1.0.jar"), "jar one");
        FileTime time = Files.getLastModifiedTime(jar);
        Digest before = digest();
        Files.writeString(jar, "jar two");
        Files.setLastModifiedTime(jar, time);
        assertNotEquals(before, digest(), "the jar Jib puts into the image");
        containerizingMode = null;
        Digest exploded = digest();
        Files.writeString(jar, "jar three");
        assertEquals(exploded, digest(), "exploded mode does not use the jar");
    }

    @Test
    void fitasOwnJarCounts() throws Exception {
        project = project();
        Path jar = Files.writeString(dir.resolve("fita-maven-plugin.jar"), "plugin");
        descriptor = TestProjects.descriptor();
        descriptor.setPluginArtifact(TestProjects.dependency("fita-maven-plugin", "test", "compile", jar));
        Digest before = digest();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
        assertNotEquals(before, digest(), "a rebuilt plugin (a SNAPSHOT) is a new input");
    }

    /** A snippet of pom XML, as Maven holds plugin configuration. */
    private static Xpp3Dom dom(String xml) throws Exception {
        return Xpp3DomBuilder.build(new StringReader(xml));
    }
}
