package dev.fita.oci.registry;

import dev.fita.oci.Blob;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;

/** A manifest or index as fetched: its media type, the digest of exactly these bytes, and the bytes. */
public record ManifestResponse(String mediaType, Digest digest, byte[] bytes) {

    public ManifestResponse {
        bytes = bytes.clone();
    }

    public Descriptor descriptor() {
        return new Descriptor(mediaType, digest, bytes.length);
    }

    /** A copy of the bytes (the record stays immutable). */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The document as a verified {@link Blob}, e.g. to serve it from memory instead of fetching it again. */
    public Blob blob() {
        return new Blob(descriptor(), bytes);
    }
}
