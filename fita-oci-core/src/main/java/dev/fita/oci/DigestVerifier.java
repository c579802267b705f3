package dev.fita.oci;

import java.security.MessageDigest;

/**
 * Checks content against a descriptor: its size, and its digest with the descriptor's own algorithm
 * (sha256 or sha512, never skipped). Fed piece by piece while content streams, or given whole bytes.
 * Content longer than the descriptor says fails at once, so a lying source cannot fill a disk.
 */
public final class DigestVerifier {

    private final Descriptor expected;
    private final MessageDigest md;
    private long count;

    private DigestVerifier(Descriptor expected) {
        this.expected = expected;
        this.md = Digest.messageDigest(expected.digest().algorithm());
    }

    public static DigestVerifier of(Descriptor expected) {
        return new DigestVerifier(expected);
    }

    /** Fails unless {@code content} has the size and digest of {@code expected}. */
    public static void verify(Descriptor expected, byte[] content) {
        DigestVerifier verifier = of(expected);
        verifier.update(content, 0, content.length);
        verifier.verify();
    }

    /** Adds content; fails as soon as there is more than the descriptor's size. */
    public void update(byte[] bytes, int offset, int length) {
        count += length;
        if (count > expected.size()) {
            throw new InvalidDigestException("content of " + expected.digest() + " is longer than the "
                    + expected.size() + " bytes its descriptor says");
        }
        md.update(bytes, offset, length);
    }

    /** The bytes seen so far. */
    public long count() {
        return count;
    }

    /** Fails unless the content seen has exactly the descriptor's size and digest. */
    public void verify() {
        if (count != expected.size()) {
            throw new InvalidDigestException("content of " + expected.digest() + " is " + count
                    + " bytes, but its descriptor says " + expected.size());
        }
        Digest actual = Digest.from(expected.digest().algorithm(), md.digest());
        if (!actual.equals(expected.digest())) {
            throw new InvalidDigestException("content does not match its digest: expected " + expected.digest()
                    + ", got " + actual);
        }
    }
}
