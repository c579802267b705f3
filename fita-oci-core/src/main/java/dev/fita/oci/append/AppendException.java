package dev.fita.oci.append;

import dev.fita.oci.OciException;

/** A source image that cannot be appended to: an entry without platform, a nested index, an unknown media type. */
public class AppendException extends OciException {
    public AppendException(String message) {
        super(message);
    }

    public AppendException(String message, Throwable cause) {
        super(message, cause);
    }
}
