package dev.fita.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DigestTest {

    private static final String EMPTY_SHA256 =
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void computesSha256OfBytesAndStreamsAlike() throws IOException {
        assertEquals(EMPTY_SHA256, Digest.sha256(new byte[0]).toString());
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        assertEquals(Digest.sha256(data), Digest.sha256(new ByteArrayInputStream(data)));
        assertEquals("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                Digest.sha256(data).toString());
    }

    @Test
    void parsesAndFormatsRoundTrip() {
        Digest d = Digest.parse(EMPTY_SHA256);
        assertEquals("sha256", d.algorithm());
        assertEquals(EMPTY_SHA256, d.toString());
        String sha512 = "sha512:" + "a".repeat(128);
        assertEquals(sha512, Digest.parse(sha512).toString());
    }

    static Stream<String> invalidDigests() {
        return Stream.of("", "sha256", "sha256:", ":abc", "sha256:../../x", "sha256:" + "A".repeat(64),
                "sha256:" + "a".repeat(63), "sha256:" + "a".repeat(65), "sha512:" + "a".repeat(64),
                "md5:d41d8cd98f00b204e9800998ecf8427e", "sha256:" + "g".repeat(64));
    }

    @ParameterizedTest
    @MethodSource("invalidDigests")
    void rejectsInvalidDigests(String value) {
        InvalidDigestException e = assertThrows(InvalidDigestException.class, () -> Digest.parse(value));
        assertTrue(e.getMessage().contains("digest") || e.getMessage().contains("algorithm"), e.getMessage());
    }
}
