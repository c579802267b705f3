package dev.fita.oci.content;

import dev.fita.oci.Descriptor;

/** A registry repository that can link a blob from another repository of its registry instead of receiving it. */
public interface BlobMounter {

    /** The registry host; mounts work within one registry only. */
    String registry();

    /** This repository's name on {@link #registry()}. */
    String repository();

    /** Mounts {@code blob} from {@code fromRepository}; false when the registry declines. */
    boolean mount(Descriptor blob, String fromRepository);
}
