package dev.fita.maven;

import dev.fita.maven.append.ImageAppendService;
import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.OutputTimestamp;
import dev.fita.maven.console.Console;
import dev.fita.maven.credentials.PushCredentials;
import dev.fita.maven.credentials.RegistryCredentials;
import dev.fita.maven.credentials.TwoSidedCredentials;
import dev.fita.maven.jib.JibLog;
import dev.fita.maven.push.PushReport;
import dev.fita.oci.append.AppendResult;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.registry.RegistryException;
import java.time.Instant;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
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
        if (properties().flag("fita.skip", skip)) {
            getLog().info("Skipping fita: fita.skip is set");
            return;
        }
        FitaSettings settings = settings();
        String fromImage = properties().string("fita.from.image", from == null ? null : from.getImage());
        // The console closes (erasing its progress footer) before an error is reported.
        try (Console console = console()) {
            Log log = console.log();
            ImageReference source = ImageAppendService.source(fromImage);
            ImageReference target = ImageAppendService.target(settings);
            if (session != null && session.isOffline()) {
                throw new MojoExecutionException("fita:append cannot read " + source.name() + " or push to "
                        + target.name() + " in offline mode (-o); run it without -o");
            }
            JibLog jibLog = new JibLog(log, "");
            RegistryCredentials toChain = new RegistryCredentials(settings.to().auth(), "<to><auth>",
                    settings.to().credHelper(), settingsServers(), jibLog);
            RegistryCredentials fromChain = new RegistryCredentials(settings.from().auth(), "<from><auth>",
                    settings.from().credHelper(), settingsServers(), jibLog);
            RegistryClient client = registryClient(settings, new TwoSidedCredentials(target.registry(),
                    new PushCredentials(toChain), new PushCredentials(fromChain))).build();
            AppendResult result = new ImageAppendService(client, log)
                    .append(settings, source, target, outputTimestamp());
            log.info("Appended to " + source + " (" + result.source().digest() + "): "
                    + result.entries().size() + " entries");
            PushReport.lines(result.push()).forEach(log::info);
        } catch (ConfigurationException e) {
            throw Errors.mojo(getLog(), e.getMessage(), e);
        } catch (RegistryException e) {
            throw Errors.mojo(getLog(), "Appending " + fromImage + " to <to><image> " + settings.to().image()
                    + " failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw Errors.toMojo(getLog(), e);
        }
    }

    private Instant outputTimestamp() {
        String value = project == null ? null : project.getProperties().getProperty("project.build.outputTimestamp");
        return OutputTimestamp.parse(value).orElse(null);
    }
}
