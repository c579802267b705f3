package dev.fita.maven.inspect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One image as {@code fita:inspect} shows it, and as its JSON form writes it: where it is, the tags
 * pointing at it, its root, and one entry per image it holds (for an index, its entries; for a bare
 * manifest, itself), with the embServe service found in an entry.
 */
@JsonPropertyOrder({"image", "tags", "mediaType", "digest", "size", "manifests"})
public record InspectedImage(String image, List<String> tags, String mediaType, String digest, long size,
        List<Entry> manifests) {

    public InspectedImage {
        tags = List.copyOf(tags);
        manifests = List.copyOf(manifests);
    }

    /** An entry; {@code platform} is null when the entry has none, {@code embServe} when it is no embServe artifact. */
    @JsonPropertyOrder({"platform", "mediaType", "digest", "size", "embServe"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String platform, String mediaType, String digest, long size, EmbServe embServe) {}

    /** The service.json layer: its name and version (null when it was too large to read), digest and size. */
    @JsonPropertyOrder({"name", "version", "mediaType", "digest", "size"})
    public record EmbServe(String name, String version, String mediaType, String digest, long size) {}
}
