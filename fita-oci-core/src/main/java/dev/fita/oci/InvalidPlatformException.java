package dev.fita.oci;

/** A platform string or object that is not {@code os/architecture[/variant]}. */
public class InvalidPlatformException extends OciException {
    public InvalidPlatformException(String message) {
        super(message);
    }
}
