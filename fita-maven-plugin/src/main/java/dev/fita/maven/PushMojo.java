package dev.fita.maven;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.console.Console;
import dev.fita.maven.credentials.PushCredentials;
import dev.fita.maven.credentials.RegistryCredentials;
import dev.fita.maven.image.ImageRecord;
import dev.fita.maven.jib.JibLog;
import dev.fita.maven.push.ImagePushService;
import dev.fita.maven.push.PushReport;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.PushResult;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.registry.RegistryException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Pushes the OCI image layout that {@code fita:build} wrote to {@code <to><image>} and every tag of
 * {@code <to><tags>}. Every blob and manifest goes up before any tag moves.
 */
@Mojo(name = "push", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PushMojo extends AbstractFitaMojo {

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
        ImageReference target;
        // The console closes (erasing its progress footer) before an error is reported.
        try (Console console = console()) {
            Log log = console.log();
            target = ImagePushService.target(settings);
            if (session.isOffline()) {
                throw new MojoExecutionException("fita:push cannot push to " + target.name()
                        + " in offline mode (-o); run it without -o");
            }
            ImageRecord built = ImagePushService.builtImage(settings, basedir());
            RegistryCredentials chain = new RegistryCredentials(settings.to().auth(), "<to><auth>",
                    settings.to().credHelper(), settingsServers(target.registry()),
                    new JibLog(log, ""));
            RegistryClient client = registryClient(settings, new PushCredentials(chain)).build();
            PushResult result = new ImagePushService(client, log).push(settings, built, target);
            PushReport.lines(result).forEach(log::info);
        } catch (ConfigurationException e) {
            throw Errors.mojo(getLog(), e.getMessage(), e);
        } catch (RegistryException e) {
            throw Errors.mojo(getLog(), "Pushing to <to><image> " + settings.to().image() + " failed: "
                    + e.getMessage(), e);
        } catch (Exception e) {
            throw Errors.toMojo(getLog(), e);
        }
    }
}
