package dev.fita.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DescriptorTest {

    private static final byte[] CONTENT = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void describesAndVerifiesContent() {
        Descriptor d = Descriptor.of(MediaTypes.OCI_CONFIG, CONTENT);
        assertEquals(CONTENT.length, d.size());
        d.verify(CONTENT);
    }

    @Test
    void rejectsContentThatDoesNotMatch() {
        Descriptor d = Descriptor.of(MediaTypes.OCI_CONFIG, CONTENT);
        byte[] other = "{\"a\":2}".getBytes(StandardCharsets.UTF_8);
        InvalidDigestException mismatch = assertThrows(InvalidDigestException.class, () -> d.verify(other));
        assertTrue(mismatch.getMessage().contains(d.digest().toString()), mismatch.getMessage());
        assertThrows(InvalidDigestException.class, () -> d.verify(new byte[3]));
    }

    @Test
    void rejectsNegativeSizeAndMissingFields() {
        Digest digest = Digest.sha256(CONTENT);
        assertThrows(InvalidDocumentException.class, () -> new Descriptor(MediaTypes.OCI_CONFIG, digest, -1));
        assertThrows(InvalidDocumentException.class, () -> new Descriptor(null, digest, 1));
        assertThrows(InvalidDocumentException.class, () -> new Descriptor(MediaTypes.OCI_CONFIG, null, 1));
    }

    @Test
    void annotationsAreSortedAndCopied() {
        Descriptor d = Descriptor.of(MediaTypes.OCI_CONFIG, CONTENT)
                .withAnnotations(Map.of("z", "1", "a", "2")).withAnnotation("m", "3");
        assertEquals("[a, m, z]", d.annotations().keySet().toString());
        String json = new String(Json.write(d), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\""), json);
        assertTrue(json.endsWith("\"annotations\":{\"a\":\"2\",\"m\":\"3\",\"z\":\"1\"}}"), json);
    }

    @Test
    void readingAnInvalidDigestFailsAsInvalidDigest() {
        byte[] doc = ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"a/b\",\"digest\":\"sha256:../../etc\",\"size\":1}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(InvalidDigestException.class, () -> ImageIndex.fromJson(doc));
    }
}
