package dev.fita.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BlobTest {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void describesItsBytes() {
        Blob blob = Blob.of("text/plain", HELLO);
        assertEquals(Descriptor.of("text/plain", HELLO), blob.descriptor());
        assertArrayEquals(HELLO, blob.bytes());
        assertEquals(blob, Blob.of("text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesBytesThatDoNotMatchTheDescriptor() {
        Descriptor other = Descriptor.of("text/plain", "world".getBytes(StandardCharsets.UTF_8));
        assertThrows(InvalidDigestException.class, () -> new Blob(other, HELLO));
    }

    @Test
    void isImmutable() {
        byte[] source = HELLO.clone();
        Blob blob = Blob.of("text/plain", source);
        source[0] = 'j';
        blob.bytes()[1] = 'a';
        assertArrayEquals(HELLO, blob.bytes());
    }
}
