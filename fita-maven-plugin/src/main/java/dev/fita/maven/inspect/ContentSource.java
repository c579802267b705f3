package dev.fita.maven.inspect;

import dev.fita.oci.Descriptor;

/** Where {@link ImageTree} reads manifests and small blobs from: a local layout or a registry. */
public interface ContentSource {
    /** The bytes of a manifest or index. */
    byte[] manifest(Descriptor descriptor) throws Exception;

    /** The bytes of a (small) blob such as a config or service.json. */
    byte[] blob(Descriptor descriptor) throws Exception;
}
