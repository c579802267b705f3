package dev.fita.maven;

import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.goal.CopyReport;
import dev.fita.maven.goal.GoalErrors;
import dev.fita.maven.goal.RegistryAccess;
import dev.fita.maven.image.BuiltImage;
import dev.fita.maven.push.ImagePushService;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.registry.ImageReference;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Pushes the OCI image layout that {@code fita:build} wrote to {@code <to><image>} and every tag of
 * {@code <to><tags>}. Every blob and manifest goes up before any tag moves; what the registry already
 * holds (blobs, manifests by digest, tags pointing at the image) is not sent again. With
 * {@code <partial>} (one runner of a CI matrix) it pushes each platform's image under its per-platform
 * tags instead, for {@code fita:merge} to compose (docs/ci-matrix.md).
 */
@Mojo(name = "push", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PushMojo extends AbstractFitaMojo {

    /**
     * Push as one runner of a CI matrix (fita.partial): each built platform's image manifest under
     * {@code <tag>-<os>-<architecture>[-<variant>]} for every release tag (e.g. 2.3.0-linux-arm64), no
     * index, no embServe entry, no release tag moved; {@code fita:merge} composes them. Default false.
     * See docs/ci-matrix.md.
     */
    @Parameter(property = "fita.partial", defaultValue = "false")
    protected boolean partial;

    @Inject
    public PushMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped()) {
            return;
        }
        FitaSettings settings = settings();
        GoalErrors.run("Pushing to <to><image> " + settings.to().image(), this::console, log -> {
            ImageReference target = ImagePushService.target(settings);
            RegistryAccess registries = registryAccess(log, target.registry());
            registries.requireOnline("fita:push", "push to " + target.name());
            BuiltImage built = ImagePushService.builtImage(settings, basedir());
            ImagePushService service = new ImagePushService(registries.client(settings, registries.to(settings)), log);
            if (properties().flag("fita.partial", partial)) {
                for (CopyResult result : service.pushPartial(settings, built, target)) {
                    CopyReport.lines(target, result).forEach(log::info);
                }
                log.info("Run 'mvn fita:merge' once every platform is pushed: it composes the index and moves "
                        + "the release tags");
            } else {
                CopyReport.lines(target, service.push(settings, built, target)).forEach(log::info);
            }
        });
    }
}
