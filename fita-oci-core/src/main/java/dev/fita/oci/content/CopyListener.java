package dev.fita.oci.content;

import dev.fita.oci.Descriptor;

/**
 * Hears what a copy does. Blob callbacks come from several worker threads at once, so
 * implementations must be thread-safe.
 */
public interface CopyListener {

    CopyListener NONE = new CopyListener() { };

    /** The blob was sent to the target. */
    default void blobCopied(Descriptor d) { }

    /** The target already had the blob (itself, or under a manifest it already had). */
    default void blobPresent(Descriptor d) { }

    default void blobMounted(Descriptor d, String fromRepository) { }

    default void manifestCopied(Descriptor d) { }

    /** The target already had the manifest or index under its digest, so it was not sent again. */
    default void manifestPresent(Descriptor d) { }

    /** The tag was pointed at the root. */
    default void tagged(String tag) { }

    /** The tag already pointed at the root, so it was left alone. */
    default void tagPresent(String tag) { }

    default void progress(long bytesDone, long bytesTotal) { }
}
