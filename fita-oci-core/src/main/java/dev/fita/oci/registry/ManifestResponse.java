package dev.fita.oci.registry;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;

/** A manifest or index as fetched: its media type, the digest of exactly these bytes, and the bytes. */
public record ManifestResponse(String mediaType, Digest digest, byte[] bytes) {

    public Descriptor descriptor() {
        return new Descriptor(mediaType, digest, bytes.length);
    }
}
