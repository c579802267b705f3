package dev.fita.oci.content;

import dev.fita.oci.OciException;

/** An image that has no entry for the platform asked for. */
public class PlatformNotFoundException extends OciException {
    public PlatformNotFoundException(String message) {
        super(message);
    }
}
