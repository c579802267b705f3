package dev.fita.oci;

/** A string that is not a valid digest, or content that does not match its digest. */
public class InvalidDigestException extends OciException {
    public InvalidDigestException(String message) {
        super(message);
    }
}
