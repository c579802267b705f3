package dev.fita.maven.credentials;

import dev.fita.maven.config.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * settings.xml {@code <proxies>} applied as jib-maven-plugin applies them: the first active {@code http}
 * and {@code https} proxy become the JVM's {@code http(s).proxyHost/Port/User/Password} and
 * {@code http.nonProxyHosts} properties, unless the user set any of that protocol's properties already.
 * jib-core and the core registry client both read those properties.
 */
public final class SettingsProxies {
    private static final List<String> PROTOCOLS = List.of("http", "https");
    private static final List<String> KEYS = List.of("proxyHost", "proxyPort", "proxyUser", "proxyPassword");

    private SettingsProxies() {}

    /** @param system the properties to set (the JVM's system properties in Maven) */
    public static void activate(List<Proxy> proxies, SettingsDecrypter decrypterOrNull, Properties system) {
        List<Proxy> chosen = new ArrayList<>();
        for (String protocol : PROTOCOLS) {
            if (KEYS.stream().anyMatch(key -> system.getProperty(protocol + "." + key) != null)) {
                continue;
            }
            (proxies == null ? List.<Proxy>of() : proxies).stream()
                    .filter(Proxy::isActive)
                    .filter(proxy -> protocol.equals(proxy.getProtocol()))
                    .findFirst()
                    .ifPresent(chosen::add);
        }
        if (chosen.isEmpty()) {
            return;
        }
        List<Proxy> decrypted = chosen;
        if (decrypterOrNull != null) {
            SettingsDecryptionResult result = decrypterOrNull.decrypt(new DefaultSettingsDecryptionRequest().setProxies(chosen));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    // The problem text comes from the cipher code and never holds the clear password.
                    throw new ConfigurationException("The password of a settings.xml <proxy> cannot be decrypted ("
                            + problem.getMessage() + "): check settings-security.xml or -Dsettings.security");
                }
            }
            decrypted = result.getProxies();
        }
        for (Proxy proxy : decrypted) {
            String protocol = proxy.getProtocol();
            set(system, protocol + ".proxyHost", proxy.getHost());
            set(system, protocol + ".proxyPort", String.valueOf(proxy.getPort()));
            set(system, protocol + ".proxyUser", proxy.getUsername());
            set(system, protocol + ".proxyPassword", proxy.getPassword());
            set(system, "http.nonProxyHosts", proxy.getNonProxyHosts());
        }
    }

    private static void set(Properties system, String key, String value) {
        if (value != null) {
            system.setProperty(key, value);
        }
    }
}
