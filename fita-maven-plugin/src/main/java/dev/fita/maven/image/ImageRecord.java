package dev.fita.maven.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code target/fita/image.json}: what {@code build} made, for {@code push} and for other tools.
 * {@code image} is the configured {@code <to><image>} (null when unset); {@code digest} is the index's.
 */
@JsonPropertyOrder({"image", "tags", "digest", "platforms"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImageRecord(String image, List<String> tags, String digest, List<Entry> platforms) {

    /** One index entry: its platform string, manifest digest, size and media type. */
    @JsonPropertyOrder({"platform", "digest", "size", "mediaType"})
    public record Entry(String platform, String digest, long size, String mediaType) {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ImageRecord {
        tags = tags == null ? List.of() : List.copyOf(tags);
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    /** The record of an index: one entry per index entry, all of which carry a platform. */
    public static ImageRecord of(String image, List<String> tags, Digest indexDigest, List<Descriptor> entries) {
        List<Entry> platforms = entries.stream()
                .map(d -> new Entry(d.platform().toString(), d.digest().toString(), d.size(), d.mediaType()))
                .toList();
        return new ImageRecord(image, tags, indexDigest.toString(), platforms);
    }

    public void write(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), this);
    }

    /** Writes {@code image.json} and {@code image.digest} (the index digest alone). */
    public void writeTo(Path imageJson, Path imageDigest) throws IOException {
        Files.createDirectories(imageJson.toAbsolutePath().getParent());
        write(imageJson);
        Files.writeString(imageDigest, digest, StandardCharsets.UTF_8);
    }

    public static ImageRecord read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), ImageRecord.class);
    }
}
