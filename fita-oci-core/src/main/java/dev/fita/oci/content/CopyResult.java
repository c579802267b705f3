package dev.fita.oci.content;

import java.util.List;

import dev.fita.oci.Descriptor;

/**
 * What a copy did: the root that the tags point at, every tag (moved or already there), and per
 * kind what was sent, found present or mounted.
 */
public record CopyResult(Descriptor root, List<String> tags, int blobsCopied, long bytesCopied, int blobsPresent,
        long bytesPresent, int blobsMounted, int manifestsCopied, int manifestsPresent, int tagsMoved) {

    public CopyResult {
        tags = List.copyOf(tags);
    }
}
