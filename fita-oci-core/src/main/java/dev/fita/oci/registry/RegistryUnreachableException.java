package dev.fita.oci.registry;

/** The registry could not be reached: connection refused, unknown host, TLS failure, or I/O errors that outlasted the retry policy. */
public class RegistryUnreachableException extends RegistryException {
    public RegistryUnreachableException(String message) {
        super(message);
    }

    public RegistryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegistryUnreachableException(String message, Throwable cause, ErrorResponse response) {
        super(message, cause, response);
    }
}
