package dev.fita.oci.embserve;

import dev.fita.oci.OciException;

/** A service.json that is missing, unreadable, not JSON, or breaks a field rule. */
public class InvalidServiceException extends OciException {
    public InvalidServiceException(String message) {
        super(message);
    }

    public InvalidServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
