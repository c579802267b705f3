package dev.fita.maven;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.goal.GoalErrors;
import dev.fita.maven.goal.RegistryAccess;
import dev.fita.maven.inspect.ImageInspector;
import dev.fita.maven.inspect.InspectedImage;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.InvalidReferenceException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Prints the image as a tree: each index entry's platform, media type, digest and size, and for
 * the embServe entry its service name and version. Reads the local layout of {@code fita:build},
 * or a registry reference given with {@code -Dfita.image=registry/repository:tag}. The tree is the
 * goal's output, so it goes to standard output (shown with {@code mvn -q} too), or to a file.
 */
@Mojo(name = "inspect", threadSafe = true, requiresProject = false)
public class InspectMojo extends AbstractFitaMojo {

    /** A registry reference to inspect instead of the local layout. */
    @Parameter(property = "fita.image")
    private String image;

    /** A file to write the output to instead of standard output; relative to the project directory. */
    @Parameter(property = "fita.inspect.output")
    private String output;

    /** {@code text} (the tree) or {@code json} (an array with one object per image, for scripts). */
    @Parameter(property = "fita.inspect.format", defaultValue = "text")
    private String format;

    /** Where the output goes when no file is given; a field so that tests can catch it. */
    PrintStream out = System.out;

    @Inject
    public InspectMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skipRequested()) {
            return;
        }
        FitaSettings settings = settings();
        String reference = properties().string("fita.image", image);
        boolean remote = reference != null && !reference.isBlank();
        GoalErrors.run(remote ? "Inspecting " + reference.trim() : null, () -> {
            List<InspectedImage> images = remote ? remote(settings, reference.trim())
                    : ImageInspector.local(settings, basedir());
            String text = ImageInspector.render(images, properties().string("fita.inspect.format", format));
            String file = properties().string("fita.inspect.output", output);
            if (file == null || file.isBlank()) {
                out.print(text);
                out.flush();
            } else {
                Path target = basedir().resolve(file.trim());
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.writeString(target, text, StandardCharsets.UTF_8);
                getLog().info("Wrote the inspected image to " + target);
            }
        });
    }

    private List<InspectedImage> remote(FitaSettings settings, String reference) throws MojoExecutionException {
        ImageReference ref;
        try {
            ref = ImageReference.parse(reference);
        } catch (InvalidReferenceException e) {
            throw new ConfigurationException("-Dfita.image: " + e.getMessage(), e);
        }
        RegistryAccess registries = registryAccess(getLog());
        registries.requireOnline("fita:inspect", "read " + ref);
        return ImageInspector.remote(registries.client(settings, registries.to(settings)).repository(ref), ref);
    }
}
