package dev.fita.oci.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.fita.oci.Digest;

class ImageReferenceTest {

    private static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest
    @CsvSource({
            "busybox,                                  docker.io,                library/busybox,       latest",
            "busybox:1.36,                             docker.io,                library/busybox,       1.36",
            "fita/sensor,                              docker.io,                fita/sensor,           latest",
            "docker.io/library/busybox:1,              docker.io,                library/busybox,       1",
            "index.docker.io/busybox:1,                docker.io,                library/busybox,       1",
            "localhost/x,                              localhost,                x,                     latest",
            "localhost:5000/fita/x:0.0.1,              localhost:5000,           fita/x,                0.0.1",
            "127.0.0.1:5000/a/b/c:t,                   127.0.0.1:5000,           a/b/c,                 t",
            "registry.example.com/fita/temperature-sensor:0.0.1, registry.example.com, fita/temperature-sensor, 0.0.1",
            "Registry.Example:443/a__b/c-d.e:V_1.2-x,  Registry.Example:443,     a__b/c-d.e,            V_1.2-x",
            "[::1]:5000/x:1,                           [::1]:5000,               x,                     1",
    })
    void parses(String ref, String registry, String repository, String tag) {
        ImageReference r = ImageReference.parse(ref);
        assertEquals(registry, r.registry());
        assertEquals(repository, r.repository());
        assertEquals(tag, r.tag());
        assertNull(r.digest());
        assertEquals(tag, r.referenceOrTag());
    }

    @Test
    void digestAndTag() {
        ImageReference r = ImageReference.parse("registry.example.com/fita/x:1.0@sha256:" + HEX);
        assertEquals("1.0", r.tag());
        assertEquals(Digest.parse("sha256:" + HEX), r.digest());
        assertEquals("sha256:" + HEX, r.referenceOrTag());
        assertEquals("registry.example.com/fita/x:1.0@sha256:" + HEX, r.toString());

        ImageReference onlyDigest = ImageReference.parse("localhost:5000/x@sha256:" + HEX);
        assertNull(onlyDigest.tag());
        assertEquals("localhost:5000/x@sha256:" + HEX, onlyDigest.toString());
    }

    @Test
    void canonicalFormAndWithTag() {
        assertEquals("registry.example.com/fita/x:latest", ImageReference.parse("registry.example.com/fita/x").toString());
        assertEquals("docker.io/library/busybox:latest", ImageReference.parse("busybox").toString());
        assertEquals("registry.example.com/fita/x:2.0",
                ImageReference.parse("registry.example.com/fita/x:1.0").withTag("2.0").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                  | empty",
            "registry.example.com/Fita/x         | 'Fita' must be lowercase",
            "registry.example.com/fita/x:-bad    | the tag '-bad'",
            "registry.example.com/fita/x:a:b     | 'x:a' must be lowercase letters",
            "registry.example.com/fita/x@sha256:12 | the digest 'sha256:12'",
            "registry.example.com/               | repository name is missing",
            "registry.example.com/fita//x        | component ''",
            "reg_istry.example.com/fita/x        | the registry 'reg_istry.example.com'",
            "fita/x!                             | component 'x!'",
    })
    void rejects(String ref, String expectedPart) {
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(ref));
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
        if (!ref.isEmpty()) {
            assertTrue(e.getMessage().contains("'" + ref + "'"), "quotes the reference: " + e.getMessage());
        }
    }

    @Test
    void rejectsOverlongTag() {
        String tag = "t".repeat(129);
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class,
                () -> ImageReference.parse("localhost:5000/x:" + tag));
        assertTrue(e.getMessage().contains("at most 128"), e.getMessage());
    }
}
