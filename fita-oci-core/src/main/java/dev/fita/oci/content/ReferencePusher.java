package dev.fita.oci.content;

import dev.fita.oci.Descriptor;

/**
 * A store that tags by sending the manifest again under the tag (a registry's {@code PUT
 * /manifests/<tag>}): the copy hands over the bytes it already has instead of a fetch and a push.
 */
public interface ReferencePusher {

    void pushTagged(Descriptor d, byte[] manifest, String tag);
}
