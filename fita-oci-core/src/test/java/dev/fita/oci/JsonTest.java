package dev.fita.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    private static final Digest D = Digest.sha256("x".getBytes(StandardCharsets.UTF_8));

    @Test
    void authoredIndexIsCompactOrderedAndWithoutNulls() {
        Descriptor entry = new Descriptor(MediaTypes.OCI_MANIFEST, D, 7)
                .withPlatform(new Platform("zephyr", "arm", "v7"));
        ImageIndex index = ImageIndex.oci(List.of(entry), Map.of("b", "2", "a", "1"));
        String json = new String(index.toJson(), StandardCharsets.UTF_8);
        assertEquals("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
                + D + "\",\"size\":7,\"platform\":{\"architecture\":\"arm\",\"os\":\"zephyr\",\"variant\":\"v7\"}}],"
                + "\"annotations\":{\"a\":\"1\",\"b\":\"2\"}}", json);
    }

    @Test
    void unknownFieldsSurviveReadModifyWrite() {
        String in = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[],\"x-future\":{\"k\":[1,2]}}";
        ImageIndex index = ImageIndex.fromJson(in.getBytes(StandardCharsets.UTF_8));
        String out = new String(index.withManifests(List.of()).toJson(), StandardCharsets.UTF_8);
        assertTrue(out.contains("\"x-future\":{\"k\":[1,2]}"), out);
    }

    @Test
    void emptyLayersAreStillWritten() {
        ImageManifest m = ImageManifest.oci(new Descriptor(MediaTypes.OCI_CONFIG, D, 1), List.of(), null);
        assertTrue(new String(m.toJson(), StandardCharsets.UTF_8).contains("\"layers\":[]"));
    }

    @Test
    void rejectsWrongSchemaVersionNegativeSizeAndOversizedDocuments() {
        assertThrows(InvalidDocumentException.class,
                () -> ImageIndex.fromJson("{\"schemaVersion\":1,\"manifests\":[]}".getBytes(StandardCharsets.UTF_8)));
        InvalidDocumentException negative = assertThrows(InvalidDocumentException.class, () -> ImageIndex.fromJson(
                ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"a/b\",\"digest\":\"" + D + "\",\"size\":-1}]}")
                        .getBytes(StandardCharsets.UTF_8)));
        assertTrue(negative.getMessage().contains("negative size"), negative.getMessage());
        byte[] huge = new byte[Json.MAX_DOCUMENT_BYTES + 1];
        assertThrows(InvalidDocumentException.class, () -> ImageManifest.fromJson(huge));
    }
}
