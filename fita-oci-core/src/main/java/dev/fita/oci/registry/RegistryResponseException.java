package dev.fita.oci.registry;

/** Any other answer the client cannot use: a non-retryable status, retryable ones that never stopped, or content that does not match its digest. */
public class RegistryResponseException extends RegistryException {
    public RegistryResponseException(String message) {
        super(message);
    }

    public RegistryResponseException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegistryResponseException(String message, Throwable cause, ErrorResponse response) {
        super(message, cause, response);
    }
}
