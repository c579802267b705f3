package dev.fita.oci.registry;

import dev.fita.oci.Descriptor;

/**
 * Hears what a push does. Blob callbacks may come from several upload threads at once, so
 * implementations must be thread-safe.
 */
public interface PushListener {

    PushListener NONE = new PushListener() { };

    default void blobUploaded(Descriptor d) { }

    default void blobPresent(Descriptor d) { }

    default void blobMounted(Descriptor d) { }

    default void manifestPushed(Descriptor d) { }

    default void tagged(String tag) { }

    default void progress(long bytesDone, long bytesTotal) { }
}
