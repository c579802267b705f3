package dev.fita.maven.config;

/** A user-causable configuration problem; the message is one sentence naming the element or property. */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
