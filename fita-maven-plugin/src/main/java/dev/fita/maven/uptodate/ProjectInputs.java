package dev.fita.maven.uptodate;

import dev.fita.maven.config.ExtraDirectory;
import dev.fita.maven.config.FitaSettings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.io.xpp3.MavenXpp3Writer;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Collects a build's inputs from Maven: fita's own jars and their dependencies (a new plugin build, or
 * a Jib extension jar, is a new input), the effective pom (every plugin's configuration, the properties
 * and {@code project.build.outputTimestamp}; fita's {@code <auth>} and {@code <credHelper>} left out,
 * which do not shape the image), the {@code fita.*}, {@code jib.*} and {@code image} properties given to
 * Maven, the classes and resources, the jars and WARs of the build directory (packaged mode, WAR
 * projects), every dependency, the extra directories and the embServe files. The base image's digest is added by the caller.
 */
public final class ProjectInputs {
    private static final List<String> SECRET_PARTS = List.of("auth", "credHelper");

    private ProjectInputs() {}

    public static BuildInputs of(MavenProject project, MavenSession session, PluginDescriptor plugin,
            FitaSettings settings) {
        BuildInputs inputs = new BuildInputs();
        if (plugin != null) {
            inputs.add("plugin", plugin.getId());
            List<Artifact> jars = new ArrayList<>();
            if (plugin.getPluginArtifact() != null) {
                jars.add(plugin.getPluginArtifact());
            }
            if (plugin.getArtifacts() != null) {
                jars.addAll(plugin.getArtifacts());
            }
            jars.forEach(a -> inputs.addFiles("plugin-jar", file(a)));
        }
        inputs.add("pom", pom(project.getModel(), plugin == null ? "dev.fita:fita-maven-plugin" : plugin.getPluginLookupKey()));
        properties(session).forEach((name, value) -> inputs.add("property", name + "=" + value));
        inputs.add("packaging", project.getPackaging());
        inputs.addFiles("classes", Path.of(project.getBuild().getOutputDirectory()));
        if (!"exploded".equals(settings.layers().containerizingMode()) || "war".equals(project.getPackaging())) {
            // Jib takes the jar or WAR from the build directory (by its final name); by content, since
            // the jar plugin writes the jar anew on every package, with a new time.
            inputs.addContent("artifact", file(project.getArtifact()));
            for (Path archive : archives(Path.of(project.getBuild().getDirectory()))) {
                inputs.addContent("archive", archive);
            }
        }
        project.getArtifacts().stream().sorted((a, b) -> a.getId().compareTo(b.getId())).forEach(a ->
                inputs.add("dependency", a.getId() + " " + a.getScope()).addFiles("dependency-file", file(a)));
        for (ExtraDirectory directory : settings.layers().extraDirectories()) {
            inputs.add("extra-directory", directory.toString()).addFiles("extra-directory-files", directory.from());
        }
        if (settings.embServe() != null) {
            inputs.add("embserve", settings.embServe().platform().toString())
                    .addContent("embserve-service", settings.embServe().service())
                    .addContent("embserve-config", settings.embServe().config());
        }
        return inputs;
    }

    /** The {@code fita.*}, {@code jib.*} and {@code image} properties of the command line and the JVM, by name. */
    static Map<String, String> properties(MavenSession session) {
        Map<String, String> result = new TreeMap<>();
        if (session != null) {
            for (Properties properties : List.of(session.getSystemProperties(), session.getUserProperties())) {
                for (String name : properties.stringPropertyNames()) {
                    boolean ours = name.startsWith("fita.") || name.startsWith("jib.") || name.equals("image");
                    if (ours && SECRET_PARTS.stream().noneMatch(name::contains)) {
                        result.put(name, properties.getProperty(name));
                    }
                }
            }
        }
        return result;
    }

    /** The effective pom as XML, without the {@code <auth>} and {@code <credHelper>} of fita's configuration. */
    static String pom(Model model, String fitaPluginKey) {
        Model copy = model.clone();
        if (copy.getBuild() != null) {
            for (Plugin plugin : copy.getBuild().getPlugins()) {
                if (plugin.getKey().equals(fitaPluginKey)) {
                    withoutSecrets(plugin.getConfiguration());
                    for (PluginExecution execution : plugin.getExecutions()) {
                        withoutSecrets(execution.getConfiguration());
                    }
                }
            }
        }
        StringWriter xml = new StringWriter();
        try {
            new MavenXpp3Writer().write(xml, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dev.fita.oci.Digest.sha256(xml.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void withoutSecrets(Object configuration) {
        if (configuration instanceof Xpp3Dom dom) {
            for (String side : List.of("from", "to")) {
                Xpp3Dom element = dom.getChild(side);
                if (element != null) {
                    for (int i = element.getChildCount() - 1; i >= 0; i--) {
                        if (SECRET_PARTS.contains(element.getChild(i).getName())) {
                            element.removeChild(i);
                        }
                    }
                }
            }
        }
    }

    /** The jars and WARs directly in the build directory (Jib's packaged and WAR inputs are among them). */
    private static List<Path> archives(Path buildDirectory) {
        if (!Files.isDirectory(buildDirectory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(buildDirectory)) {
            return list.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".jar") || name.endsWith(".war") || name.endsWith(".jar.original");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + buildDirectory + ": " + e.getMessage(), e);
        }
    }

    private static Path file(Artifact artifact) {
        return artifact == null || artifact.getFile() == null ? null : artifact.getFile().toPath();
    }
}
