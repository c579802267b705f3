package dev.fita.oci.registry;

import java.util.List;

import dev.fita.oci.Digest;

/** What a push did: blobs uploaded, already present or mounted from another repository, with bytes. */
public record PushResult(ImageReference target, Digest rootDigest, List<String> tags, int blobsUploaded,
        long bytesUploaded, int blobsPresent, long bytesPresent, int blobsMounted) {

    public PushResult {
        tags = List.copyOf(tags);
    }
}
