package dev.fita.maven;

import dev.fita.maven.append.ImageAppendService;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.goal.CopyReport;
import dev.fita.maven.goal.GoalErrors;
import dev.fita.maven.goal.RegistryAccess;
import dev.fita.oci.append.AppendResult;
import dev.fita.oci.registry.ImageReference;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Adds the embServe entry to a multi-platform image that already exists in a registry (built with a
 * Dockerfile, buildx, kaniko, jib...): reads {@code <from><image>}, keeps its image manifests byte for
 * byte, and pushes one OCI image index with the embServe entry to {@code <to><image>} and {@code <to><tags>}.
 * Blobs are mounted on the same registry and streamed across registries; the tags move last.
 */
@Mojo(name = "append", threadSafe = true, requiresProject = false)
public class AppendMojo extends AbstractFitaMojo {

    @Inject
    public AppendMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    public void execute() throws MojoExecutionException {
        // Not skipped() of the other goals: without a project Maven's stand-in has pom packaging.
        if (skipRequested()) {
            return;
        }
        FitaSettings settings = settings();
        String fromImage = properties().string("fita.from.image", from == null ? null : from.getImage());
        GoalErrors.run("Appending " + fromImage + " to <to><image> " + settings.to().image(), this::console, log -> {
            ImageReference source = ImageAppendService.source(fromImage);
            ImageReference target = ImageAppendService.target(settings);
            RegistryAccess registries = registryAccess(log);
            registries.requireOnline("fita:append", "read " + source.name() + " or push to " + target.name());
            AppendResult result = new ImageAppendService(
                    registries.client(settings, registries.copying(settings, target.registry())), log)
                    .append(settings, source, target, outputTimestamp());
            log.info("Appended to " + source + " (" + result.source().digest() + "): "
                    + result.entries().size() + " entries");
            CopyReport.lines(target, result.push()).forEach(log::info);
        });
    }
}
