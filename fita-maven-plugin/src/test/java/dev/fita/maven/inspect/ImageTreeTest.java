package dev.fita.maven.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.oci.Blob;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.content.MemoryStorage;
import dev.fita.oci.embserve.EmbServeArtifact;
import dev.fita.oci.embserve.ServiceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTreeTest {
    private static final String SERVICE = """
            {"name":"temperature-sensor","version":3,"data_model":["temp"],"service":"AAEC",
             "dependencies":{"sdk_api":1},"inputs":[],"outputs":[{"key":"t","type":1}]}
            """;

    private final List<Blob> blobs = new ArrayList<>();

    private Descriptor put(String mediaType, byte[] bytes) {
        Blob blob = Blob.of(mediaType, bytes);
        blobs.add(blob);
        return blob.descriptor();
    }

    private List<String> render(String title, Descriptor root) {
        return ImageTree.lines(ImageTree.read(new MemoryStorage(blobs), title, List.of(), root));
    }

    @Test
    void indexWithContainerAndEmbServeEntries() {
        Descriptor config = put(MediaTypes.OCI_CONFIG, "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8));
        Descriptor layer = put(MediaTypes.OCI_LAYER_GZIP, new byte[] {1, 2, 3});
        Descriptor image = put(MediaTypes.OCI_MANIFEST, ImageManifest.oci(config, List.of(layer), null).toJson())
                .withPlatform(Platform.parse("linux/amd64"));
        ServiceFile service = ServiceFile.parse(Path.of("service.json"), SERVICE.getBytes(StandardCharsets.UTF_8));
        EmbServeArtifact artifact = EmbServeArtifact.build(service, null);
        for (Blob blob : artifact.blobs()) {
            put(blob.descriptor().mediaType(), blob.bytes());
        }
        Descriptor index = put(MediaTypes.OCI_INDEX, ImageIndex.oci(List.of(image, artifact.indexEntry()), null).toJson());

        List<String> lines = render("127.0.0.1:5000/fita/sensor:1", index);

        assertEquals("127.0.0.1:5000/fita/sensor:1", lines.get(0));
        assertEquals("└── OCI image index " + index.digest() + " (" + index.size() + " bytes)", lines.get(1));
        assertTrue(lines.get(2).startsWith("    ├── linux/amd64    " + MediaTypes.OCI_MANIFEST + " " + image.digest()),
                lines.get(2));
        assertTrue(lines.get(3).startsWith("    └── zephyr/arm/v7  " + MediaTypes.OCI_MANIFEST + " "
                + artifact.indexEntry().digest()), lines.get(3));
        assertTrue(lines.get(4).contains("embServe service 'temperature-sensor' version 3"), lines.get(4));
        assertEquals(5, lines.size(), String.join("\n", lines));
    }

    @Test
    void singleManifestWithoutPlatform() {
        Descriptor config = put(MediaTypes.OCI_CONFIG, "{}".getBytes(StandardCharsets.UTF_8));
        Descriptor manifest = put(MediaTypes.OCI_MANIFEST, ImageManifest.oci(config, List.of(), null).toJson());
        List<String> lines = render("ref", manifest);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("└── (no platform)"), lines.get(1));
    }

}
