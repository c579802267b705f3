package dev.fita.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** sha256 and sha512 alike: no algorithm is skipped. */
class DigestVerifierTest {

    private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.UTF_8);

    private static Descriptor sha512Of(byte[] content) {
        return new Descriptor("text/plain", Digest.of("sha512", content), content.length);
    }

    @Test
    void sha512ContentIsCheckedNotSkipped() {
        Descriptor d = sha512Of(HELLO);
        assertEquals("sha512", d.digest().algorithm());
        d.verify(HELLO);
        byte[] other = "hellO\n".getBytes(StandardCharsets.UTF_8);
        InvalidDigestException e = assertThrows(InvalidDigestException.class, () -> d.verify(other));
        assertTrue(e.getMessage().startsWith("content does not match its digest: expected sha512:"), e.getMessage());
        assertTrue(e.getMessage().contains("got sha512:"), e.getMessage());
    }

    @Test
    void sizeIsCheckedBeforeTheDigest() {
        Descriptor d = Descriptor.of("text/plain", HELLO);
        InvalidDigestException e = assertThrows(InvalidDigestException.class, () -> DigestVerifier.verify(d, new byte[3]));
        assertEquals("content of " + d.digest() + " is 3 bytes, but its descriptor says 6", e.getMessage());
    }

    @Test
    void contentLongerThanTheDescriptorFailsAtOnce() {
        DigestVerifier verifier = DigestVerifier.of(Descriptor.of("text/plain", HELLO));
        verifier.update(HELLO, 0, HELLO.length);
        assertThrows(InvalidDigestException.class, () -> verifier.update(HELLO, 0, 1));
    }

    @Test
    void unknownAlgorithmsAreRefused() {
        assertThrows(InvalidDigestException.class, () -> Digest.messageDigest("md5"));
    }
}
