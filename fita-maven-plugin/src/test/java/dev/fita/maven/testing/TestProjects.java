package dev.fita.maven.testing;

import com.google.cloud.tools.jib.filesystem.TempDirectoryProvider;
import com.google.cloud.tools.jib.maven.MavenProjectProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Real Maven model objects for a project in a temporary directory, so tests drive Jib's own
 * MavenProjectProperties as the plugin does inside Maven (no mocks): jar or war packaging,
 * target/classes, dependencies as artifacts with files.
 */
public final class TestProjects {
    private TestProjects() {}

    public static MavenProject project(Path basedir, String packaging) throws Exception {
        Model model = new Model();
        model.setModelVersion("4.0.0");
        model.setGroupId("dev.fita.test");
        model.setArtifactId("app");
        model.setVersion("1.0");
        model.setPackaging(packaging);
        Build build = new Build();
        build.setDirectory(basedir.resolve("target").toString());
        build.setOutputDirectory(Files.createDirectories(basedir.resolve("target/classes")).toString());
        build.setFinalName("app-1.0");
        model.setBuild(build);
        model.getProperties().setProperty("maven.compiler.release", "17");
        MavenProject project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.setArtifact(artifact("dev.fita.test", "app", "1.0", packaging));
        project.setArtifacts(new LinkedHashSet<>());
        return project;
    }

    /** A dependency artifact backed by a file. */
    public static Artifact dependency(String artifactId, String version, String scope, Path file) {
        DefaultArtifact artifact = new DefaultArtifact("org.example", artifactId, version, scope, "jar", null,
                new DefaultArtifactHandler("jar"));
        artifact.setFile(file.toFile());
        return artifact;
    }

    public static void addDependencies(MavenProject project, Artifact... artifacts) {
        Set<Artifact> all = new LinkedHashSet<>(project.getArtifacts());
        all.addAll(List.of(artifacts));
        project.setArtifacts(all);
    }

    public static MavenSession session(MavenProject project, boolean offline, Properties userProperties) {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setOffline(offline);
        request.setInteractiveMode(false);
        request.setUserProperties(userProperties == null ? new Properties() : userProperties);
        request.setSystemProperties(new Properties());
        MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        session.setProjects(List.of(project));
        session.setCurrentProject(project);
        return session;
    }

    public static PluginDescriptor descriptor() {
        PluginDescriptor descriptor = new PluginDescriptor();
        descriptor.setGroupId("dev.fita");
        descriptor.setArtifactId("fita-maven-plugin");
        descriptor.setVersion("test");
        return descriptor;
    }

    /** Jib's view of the project, as BuildMojo creates it. */
    public static MavenProjectProperties jib(MavenProject project, MavenSession session, Log log,
            TempDirectoryProvider temporary) {
        return MavenProjectProperties.getForProject(descriptor(), project, session, log, temporary, Set.of());
    }

    private static Artifact artifact(String groupId, String artifactId, String version, String packaging) {
        return new DefaultArtifact(groupId, artifactId, version, "compile", packaging, null,
                new DefaultArtifactHandler(packaging));
    }
}
