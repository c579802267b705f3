package dev.fita.maven;

import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.PlatformImageConfig;
import dev.fita.maven.goal.CopyReport;
import dev.fita.maven.goal.GoalErrors;
import dev.fita.maven.goal.RegistryAccess;
import dev.fita.maven.merge.ImageMergeService;
import dev.fita.maven.merge.MergeResult;
import dev.fita.maven.merge.MergeSources;
import dev.fita.maven.push.ImagePushService;
import dev.fita.oci.Platform;
import dev.fita.oci.registry.ImageReference;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The final job of a CI matrix whose runners each pushed their platform with {@code <partial>}: reads each
 * platform of {@code <platforms>} (or -Dfita.platforms) at its per-platform tag of {@code <to><image>},
 * checks it is a single image of that platform, adds the embServe entry, composes the index exactly as
 * {@code fita:build} does, pushes it and moves every release tag last. Needs no build and reads no layer.
 * See docs/ci-matrix.md.
 */
@Mojo(name = "merge", threadSafe = true)
public class MergeMojo extends AbstractFitaMojo {

    /**
     * Platforms whose image is not at the per-platform tag of {@code <to><image>} but elsewhere, e.g. on
     * the registry the runners push to: {@code <platformImage>} with {@code <platform>} and {@code <image>},
     * a full reference with registry and tag (fita.platformImages=linux/arm64=ci.example.com/app:1-linux-arm64,...).
     * Copied into {@code <to><image>}'s repository: blobs mounted on the same registry, streamed from
     * another. None by default. See docs/ci-matrix.md.
     */
    @Parameter
    protected List<PlatformImageConfig> platformImages;

    @Inject
    public MergeMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped()) {
            return;
        }
        FitaSettings settings = settings();
        GoalErrors.run("Merging into <to><image> " + settings.to().image(), this::console, log -> {
            ImageReference target = ImagePushService.target(settings, "fita:merge");
            Map<Platform, ImageReference> elsewhere = MergeSources.resolve(properties(), platformImages,
                    settings.platforms());
            RegistryAccess registries = registryAccess(log, Stream.concat(Stream.of(target),
                    elsewhere.values().stream()).map(ImageReference::registry).distinct().toArray(String[]::new));
            registries.requireOnline("fita:merge", "read the per-platform images or push to " + target.name());
            MergeResult result = new ImageMergeService(
                    registries.client(settings, registries.copying(settings, target.registry())), log)
                    .merge(settings, target, elsewhere, outputTimestamp());
            log.info("Merged " + result.entries().size() + " entries into " + result.index().digest());
            CopyReport.lines(target, result.push()).forEach(log::info);
        });
    }
}
