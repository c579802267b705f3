package dev.fita.oci.registry;

/** An image reference that does not follow the docker/containerd grammar. */
public class InvalidReferenceException extends RegistryException {
    public InvalidReferenceException(String message) {
        super(message);
    }

    public InvalidReferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
