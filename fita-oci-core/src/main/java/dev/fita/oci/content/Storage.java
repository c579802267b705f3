package dev.fita.oci.content;

import dev.fita.oci.Descriptor;

/** A content store that can also be written: content by descriptor, then tags pointing at it. */
public interface Storage extends ReadableStorage {

    /**
     * Stores {@code content} as {@code d}; the store checks size and digest and keeps nothing that
     * does not match. {@code content} may be opened again when an attempt has to start over.
     */
    void push(Descriptor d, BlobSource content);

    /** Fails unless {@code tag} is a valid reference name here: checked before anything is written. */
    void checkTag(String tag);

    /** Points {@code tag} at {@code d}, which the store already holds. */
    void tag(Descriptor d, String tag);
}
