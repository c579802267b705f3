package dev.fita.maven.credentials;

import dev.fita.maven.config.ConfigurationException;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Decrypts a settings.xml {@code <server>} with Maven's SettingsDecrypter. A password that cannot
 * be decrypted is an error: sending the still-encrypted string would only end in a puzzling 401.
 */
public final class ServerDecryption implements UnaryOperator<Server> {
    private final SettingsDecrypter decrypter;
    private final Log log;

    public ServerDecryption(SettingsDecrypter decrypter, Log log) {
        this.decrypter = decrypter;
        this.log = log;
    }

    @Override
    public Server apply(Server server) {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            // The problem text comes from the cipher code and never contains the clear password.
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new ConfigurationException("The password of settings.xml <server> '" + server.getId()
                        + "' cannot be decrypted (" + problem.getMessage()
                        + "): check settings-security.xml or -Dsettings.security");
            }
            log.warn("settings.xml server '" + server.getId() + "': " + problem.getMessage());
        }
        return result.getServer() == null ? server : result.getServer();
    }
}
