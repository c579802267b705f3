package dev.fita.maven.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fita.maven.config.OutputPaths;
import dev.fita.maven.image.ImageRecord;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.layout.OciLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jib's {@code <outputPaths>} files for the whole image: the digest, the image id and the image JSON.
 * For a multi-platform image Jib gives the manifest list's digest as both digest and id; fita does the
 * same with the index digest. The JSON has Jib's fields ({@code image}, {@code imageId},
 * {@code imageDigest}, {@code tags} sorted, {@code imagePushed}, false after {@code fita:build}) plus
 * {@code platforms}: each index entry's platform, manifest digest and image id (its config's digest).
 */
final class JibOutputs {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JibOutputs() {}

    static void write(OutputPaths paths, String imageName, ImageRecord record, OciLayout layout) throws IOException {
        write(paths.digest(), record.digest());
        write(paths.imageId(), record.digest());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("image", imageName);
        json.put("imageId", record.digest());
        json.put("imageDigest", record.digest());
        json.put("tags", record.tags().stream().sorted().toList());
        json.put("imagePushed", false);
        List<Map<String, Object>> platforms = new ArrayList<>();
        for (ImageRecord.Entry entry : record.platforms()) {
            Map<String, Object> platform = new LinkedHashMap<>();
            platform.put("platform", entry.platform());
            platform.put("imageDigest", entry.digest());
            platform.put("imageId", configDigest(layout, entry).toString());
            platforms.add(platform);
        }
        json.put("platforms", platforms);
        write(paths.imageJson(), MAPPER.writeValueAsString(json));
    }

    private static Digest configDigest(OciLayout layout, ImageRecord.Entry entry) {
        Descriptor manifest = new Descriptor(entry.mediaType(), Digest.parse(entry.digest()), entry.size());
        if (!MediaTypes.OCI_MANIFEST.equals(entry.mediaType())) {
            return manifest.digest();
        }
        return ImageManifest.fromJson(layout.readBlob(manifest)).config().digest();
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
