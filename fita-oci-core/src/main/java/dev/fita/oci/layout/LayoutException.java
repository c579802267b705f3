package dev.fita.oci.layout;

import dev.fita.oci.OciException;

/** An OCI image layout (directory or tar) that is missing, malformed or unsafe to read. */
public class LayoutException extends OciException {
    public LayoutException(String message) {
        super(message);
    }

    public LayoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
