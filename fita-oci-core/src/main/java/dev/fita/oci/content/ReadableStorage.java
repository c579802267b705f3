package dev.fita.oci.content;

import java.io.InputStream;
import java.util.Optional;

import dev.fita.oci.Descriptor;

/**
 * The read side of a content store (an OCI image layout, a registry repository, memory): content
 * by descriptor, and references (tags) by name. Failures are the store's typed
 * {@link dev.fita.oci.OciException}s.
 */
public interface ReadableStorage {

    /** Opens {@code d}'s content for streaming; the caller closes it. Absent content is the store's not-found error. */
    InputStream fetch(Descriptor d);

    /**
     * The whole content of a manifest, index or config, checked against {@code d}'s size and digest;
     * more than {@link dev.fita.oci.Json#MAX_DOCUMENT_BYTES} is refused (layers are streamed).
     */
    byte[] fetchAll(Descriptor d);

    boolean exists(Descriptor d);

    /** What {@code reference} (a tag, or a digest) points at; empty when the store has no such reference. */
    Optional<Descriptor> resolve(String reference);
}
