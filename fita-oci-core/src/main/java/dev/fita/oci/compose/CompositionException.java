package dev.fita.oci.compose;

import dev.fita.oci.OciException;

/** An image index that cannot be composed: a duplicate or missing platform, or an unreadable image config. */
public class CompositionException extends OciException {
    public CompositionException(String message) {
        super(message);
    }

    public CompositionException(String message, Throwable cause) {
        super(message, cause);
    }
}
