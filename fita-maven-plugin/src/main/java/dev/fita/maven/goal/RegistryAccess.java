package dev.fita.maven.goal;

import com.google.cloud.tools.jib.global.JibSystemProperties;
import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.credentials.PushCredentials;
import dev.fita.maven.credentials.RegistryCredentials;
import dev.fita.maven.credentials.SettingsServers;
import dev.fita.maven.credentials.TwoSidedCredentials;
import dev.fita.maven.jib.JibLog;
import dev.fita.oci.registry.CredentialProvider;
import dev.fita.oci.registry.RegistryClient;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * How a goal reaches registries: the offline check, the credential chains of {@code <to>} and
 * {@code <from>}, and clients that log each request (method, URL without query, status) and each
 * retry decision to Maven's debug log, so {@code mvn -X} shows them, never a header, token or password;
 * and a registry's {@code Warning: 299} texts as Maven warnings, each once.
 */
public final class RegistryAccess {

    private final Log log;
    private final boolean offline;
    private final SettingsServers servers;

    public RegistryAccess(Log log, boolean offline, SettingsServers servers) {
        this.log = log;
        this.offline = offline;
        this.servers = servers;
    }

    /** Fails in offline mode with "{@code goal} cannot {@code what} in offline mode (-o); run it without -o". */
    public void requireOnline(String goal, String what) throws MojoExecutionException {
        if (offline) {
            throw new MojoExecutionException(goal + " cannot " + what + " in offline mode (-o); run it without -o");
        }
    }

    /** {@code <to>}'s chain: {@code <to><auth>}, {@code <to><credHelper>}, settings.xml, Docker config. */
    public CredentialProvider to(FitaSettings settings) {
        return new PushCredentials(new RegistryCredentials(settings.to().auth(), "<to><auth>",
                settings.to().credHelper(), servers, new JibLog(log, "")));
    }

    /** {@code <from>}'s chain. */
    public CredentialProvider from(FitaSettings settings) {
        return new PushCredentials(new RegistryCredentials(settings.from().auth(), "<from><auth>",
                settings.from().credHelper(), servers, new JibLog(log, "")));
    }

    /** For a copy between two images: {@code <to>}'s chain on the target's registry, {@code <from>}'s elsewhere. */
    public CredentialProvider copying(FitaSettings settings, String targetRegistry) {
        return new TwoSidedCredentials(targetRegistry, to(settings), from(settings));
    }

    /** A client with fita's User-Agent and {@code jib.httpTimeout} (milliseconds, as in Jib) for connecting and reading. */
    public RegistryClient client(FitaSettings settings, CredentialProvider credentials) {
        RegistryClient.Builder builder = RegistryClient.builder()
                .credentials(credentials)
                .allowInsecure(settings.allowInsecureRegistries())
                .userAgent("fita-maven-plugin")
                .debugLog(line -> {
                    if (log.isDebugEnabled()) {
                        log.debug(line);
                    }
                })
                // A registry's Warning: 299 texts (deprecations), each once.
                .warningLog(log::warn);
        if (System.getProperty("jib.httpTimeout") != null) {
            try {
                JibSystemProperties.checkHttpTimeoutProperty();
            } catch (NumberFormatException e) {
                throw new ConfigurationException(e.getMessage() + " (jib.httpTimeout is in milliseconds)", e);
            }
            Duration timeout = Duration.ofMillis(JibSystemProperties.getHttpTimeout());
            builder.timeouts(timeout, timeout);
        }
        return builder.build();
    }
}
