package dev.fita.oci.layout;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.DigestVerifier;
import dev.fita.oci.InvalidDigestException;
import dev.fita.oci.InvalidDocumentException;
import dev.fita.oci.Json;

/**
 * The {@code blobs/<alg>/<hex>} files of a layout. Content is streamed to a temp file inside
 * {@code blobs/} (same file system, so the final rename is atomic) and renamed into place only once
 * its digest is known or checked; a blob that is already there is never rewritten.
 */
final class BlobFiles {

    static final String BLOBS_DIR = "blobs";
    private static final int BUFFER = 64 * 1024;

    private final Path root;

    BlobFiles(Path root) {
        this.root = root;
    }

    /** {@code blobs/<alg>/<hex>}; a {@link Digest} is validated hex, so this cannot leave the layout. */
    Path path(Digest d) {
        return root.resolve(BLOBS_DIR).resolve(d.algorithm()).resolve(d.encoded());
    }

    boolean has(Digest d) {
        return Files.isRegularFile(path(d));
    }

    /** Streams content of unknown digest in as sha256; returns its descriptor. */
    Descriptor write(String mediaType, InputStream in) {
        Path temp = newTempFile();
        try {
            MessageDigest md = Digest.messageDigest("sha256");
            long size = copy(in, temp, null, md::update, null);
            Descriptor descriptor = new Descriptor(mediaType, Digest.from("sha256", md.digest()), size);
            moveIntoPlace(temp, descriptor.digest());
            return descriptor;
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Streams content that must have {@code expected}'s size and digest; nothing is left when it does not. */
    void write(Descriptor expected, InputStream in) {
        if (has(expected.digest())) {
            return;
        }
        Path temp = newTempFile();
        try {
            DigestVerifier verifier = DigestVerifier.of(expected);
            copy(in, temp, expected.digest(), null, verifier);
            verifier.verify();
            moveIntoPlace(temp, expected.digest());
        } finally {
            deleteQuietly(temp);
        }
    }

    void copy(Descriptor expected, Path file) {
        if (has(expected.digest())) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            write(expected, in);
        } catch (NoSuchFileException e) {
            throw new LayoutException("cannot copy " + file + " into the OCI image layout " + root
                    + ": the file does not exist", e);
        } catch (IOException e) {
            throw new LayoutException("cannot read " + file + ": " + e, e);
        }
    }

    /**
     * A hard link to {@code file} when it has the expected size and lies on this layout's file system; its
     * content is the caller's word (a cache that verified it when it was written). Otherwise a verified copy.
     */
    void link(Descriptor expected, Path file) {
        if (has(expected.digest())) {
            return;
        }
        try {
            long size = Files.size(file);
            if (size != expected.size()) {
                throw new InvalidDigestException("blob " + expected.digest() + " at " + file + " is " + size
                        + " bytes, but its descriptor says " + expected.size());
            }
            Path to = path(expected.digest());
            Files.createDirectories(to.getParent());
            Files.createLink(to, file);
        } catch (FileAlreadyExistsException e) {
            // linked meanwhile by someone else: same digest, same bytes
        } catch (NoSuchFileException e) {
            throw new LayoutException("cannot link " + file + " into the OCI image layout " + root
                    + ": the file does not exist", e);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Another file system, or no hard links here: copy, which verifies the digest.
            copy(expected, file);
        }
    }

    /** Buffered by 64 KiB: the HTTP client reads 4 KiB at a time, which would be one system call each. */
    InputStream open(Digest d) {
        try {
            return new BufferedInputStream(Files.newInputStream(path(d)), BUFFER);
        } catch (NoSuchFileException e) {
            throw notFound(d);
        } catch (IOException e) {
            throw new LayoutException("cannot read blob " + d + " of the OCI image layout " + root + ": " + e, e);
        }
    }

    /** A small blob whole, checked against its descriptor; above {@link Json#MAX_DOCUMENT_BYTES} it is refused. */
    byte[] read(Descriptor d) {
        if (d.size() > Json.MAX_DOCUMENT_BYTES) {
            throw new InvalidDocumentException("blob " + d.digest() + " is " + d.size() + " bytes, more than the "
                    + Json.MAX_DOCUMENT_BYTES + "-byte limit for reading it whole");
        }
        Path path = path(d.digest());
        byte[] bytes;
        try {
            long actualSize = Files.size(path);
            if (actualSize != d.size()) {
                throw new InvalidDigestException("blob " + d.digest() + " in " + root + " is " + actualSize
                        + " bytes, but its descriptor says " + d.size());
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw notFound(d.digest());
        } catch (IOException e) {
            throw new LayoutException("cannot read blob " + d.digest() + " of the OCI image layout " + root + ": " + e, e);
        }
        try {
            DigestVerifier.verify(d, bytes);
        } catch (InvalidDigestException e) {
            throw new InvalidDigestException("blob " + path + " does not match its descriptor: " + e.getMessage());
        }
        return bytes;
    }

    BlobNotFoundException notFound(Digest d) {
        return new BlobNotFoundException(d, "blob " + d + " is not in the OCI image layout " + root);
    }

    private Path newTempFile() {
        try {
            Path blobs = root.resolve(BLOBS_DIR);
            Files.createDirectories(blobs);
            return Files.createTempFile(blobs, OciLayout.TEMP_PREFIX, "");
        } catch (IOException e) {
            throw new LayoutException("cannot create a temp file in " + root.resolve(BLOBS_DIR) + ": " + e, e);
        }
    }

    private interface Hash {
        void update(byte[] bytes, int offset, int length);
    }

    /** Copies {@code in} to {@code temp}, feeding the hash or the verifier (which stops a stream that runs long). */
    private long copy(InputStream in, Path temp, Digest expected, Hash hash, DigestVerifier verifier) {
        long total = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(temp)) {
            for (int n; (n = read(in, buffer, expected)) != -1; ) {
                total += n;
                if (verifier != null) {
                    verifier.update(buffer, 0, n);
                } else {
                    hash.update(buffer, 0, n);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new LayoutException("cannot write a blob into the OCI image layout " + root + ": " + e, e);
        }
        return total;
    }

    private static int read(InputStream in, byte[] buffer, Digest expected) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new LayoutException("cannot read the content of " + (expected == null ? "a blob" : "blob " + expected)
                    + ": " + e.getMessage(), e);
        }
    }

    private void moveIntoPlace(Path temp, Digest digest) {
        Path target = path(digest);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                return; // written meanwhile by someone else: same digest, same bytes
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // a concurrent writer won the race with the same content
            }
        } catch (IOException e) {
            throw new LayoutException("cannot move blob " + digest + " into " + target + ": " + e, e);
        }
    }

    static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // best effort: a leftover .tmp- file is ignored by readers and by export
        }
    }
}
