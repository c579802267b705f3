package dev.fita.oci;

/** Base of the library's typed errors; messages are single sentences meant for users. */
public class OciException extends RuntimeException {
    public OciException(String message) {
        super(message);
    }

    public OciException(String message, Throwable cause) {
        super(message, cause);
    }
}
