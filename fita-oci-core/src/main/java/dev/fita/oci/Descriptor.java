package dev.fita.oci;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Points at content by media type, digest and size. {@code data} is the base64 of embedded
 * content as it appears in JSON. Field order follows the OCI Go struct.
 */
@JsonPropertyOrder({"mediaType", "digest", "size", "urls", "annotations", "data", "platform", "artifactType"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Descriptor(
        String mediaType,
        Digest digest,
        long size,
        List<String> urls,
        Map<String, String> annotations,
        String data,
        Platform platform,
        String artifactType) {

    public Descriptor {
        if (mediaType == null || mediaType.isEmpty()) {
            throw new InvalidDocumentException("a descriptor has no mediaType");
        }
        if (digest == null) {
            throw new InvalidDocumentException("the descriptor of " + mediaType + " has no digest");
        }
        if (size < 0) {
            throw new InvalidDocumentException("the descriptor of " + digest + " has a negative size " + size);
        }
        urls = urls == null ? List.of() : List.copyOf(urls);
        annotations = annotations == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
    }

    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, null, null, null, null, null);
    }

    /** The descriptor of these exact bytes. */
    public static Descriptor of(String mediaType, byte[] content) {
        return new Descriptor(mediaType, Digest.sha256(content), content.length);
    }

    public Descriptor withPlatform(Platform newPlatform) {
        return new Descriptor(mediaType, digest, size, urls, annotations, data, newPlatform, artifactType);
    }

    public Descriptor withAnnotations(Map<String, String> newAnnotations) {
        return new Descriptor(mediaType, digest, size, urls, newAnnotations, data, platform, artifactType);
    }

    /** A copy with one more annotation (replacing one of the same key). */
    public Descriptor withAnnotation(String key, String value) {
        Map<String, String> merged = new TreeMap<>(annotations);
        merged.put(key, value);
        return withAnnotations(merged);
    }

    /** Fails unless {@code content} has this descriptor's size and digest (sha256 or sha512). */
    public void verify(byte[] content) {
        DigestVerifier.verify(this, content);
    }
}
