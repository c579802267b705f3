package dev.fita.oci;

/**
 * A piece of content ready to be written or pushed: its descriptor and its exact bytes. The
 * constructor checks that they match, so a Blob can never lie about its digest.
 */
public record Blob(Descriptor descriptor, byte[] bytes) {

    public Blob {
        if (descriptor == null || bytes == null) {
            throw new IllegalArgumentException("a blob needs a descriptor and bytes");
        }
        descriptor.verify(bytes);
        bytes = bytes.clone();
    }

    /** The blob of these exact bytes. */
    public static Blob of(String mediaType, byte[] bytes) {
        return new Blob(Descriptor.of(mediaType, bytes), bytes);
    }

    /** A copy of the content (the record stays immutable). */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    // The descriptor carries digest and size of the verified bytes, so it decides equality.
    @Override
    public boolean equals(Object o) {
        return o instanceof Blob other && descriptor.equals(other.descriptor);
    }

    @Override
    public int hashCode() {
        return descriptor.hashCode();
    }

    @Override
    public String toString() {
        return "Blob[" + descriptor.mediaType() + " " + descriptor.digest() + " " + bytes.length + " bytes]";
    }
}
