package dev.fita.oci.registry;

/** A manifest, index, token or error body larger than the client accepts. */
public class SizeLimitException extends RegistryException {
    public SizeLimitException(String message) {
        super(message);
    }

    public SizeLimitException(String message, Throwable cause) {
        super(message, cause);
    }

    public SizeLimitException(String message, Throwable cause, ErrorResponse response) {
        super(message, cause, response);
    }
}
