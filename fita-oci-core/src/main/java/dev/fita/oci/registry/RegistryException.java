package dev.fita.oci.registry;

import dev.fita.oci.OciException;

/** Base of the registry client's typed errors; messages name the registry, repository and operation. */
public class RegistryException extends OciException {
    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
