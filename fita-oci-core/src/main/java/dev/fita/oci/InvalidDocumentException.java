package dev.fita.oci;

/** A manifest, index or descriptor that breaks the OCI rules (schema version, sizes, limits). */
public class InvalidDocumentException extends OciException {
    public InvalidDocumentException(String message) {
        super(message);
    }

    public InvalidDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
