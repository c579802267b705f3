package dev.fita.oci.registry;

/** The registry answered 401 or 403: missing, wrong or insufficient credentials. */
public class RegistryAuthenticationException extends RegistryException {
    public RegistryAuthenticationException(String message) {
        super(message);
    }

    public RegistryAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegistryAuthenticationException(String message, Throwable cause, ErrorResponse response) {
        super(message, cause, response);
    }
}
