package dev.fita.oci.registry;

/** The registry does not have the manifest, blob or repository (MANIFEST_UNKNOWN, BLOB_UNKNOWN, NAME_UNKNOWN). */
public class NotFoundException extends RegistryException {
    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    public NotFoundException(String message, Throwable cause, ErrorResponse response) {
        super(message, cause, response);
    }
}
