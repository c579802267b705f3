package dev.fita.oci.layout;

import dev.fita.oci.Digest;

/** A blob that an OCI image layout does not hold. */
public class BlobNotFoundException extends LayoutException {
    private final transient Digest digest;

    public BlobNotFoundException(Digest digest, String message) {
        super(message);
        this.digest = digest;
    }

    public Digest digest() {
        return digest;
    }
}
