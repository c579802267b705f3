package dev.fita.oci.embserve;

import dev.fita.oci.OciException;

/** An embServe config.json that is not a JSON object or disagrees with the target platform. */
public class InvalidConfigException extends OciException {
    public InvalidConfigException(String message) {
        super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
