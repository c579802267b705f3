package dev.fita.oci.layout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fita.oci.Annotations;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.InvalidDigestException;
import dev.fita.oci.InvalidDocumentException;
import dev.fita.oci.Json;

/**
 * A directory in the OCI image layout format. Blobs are streamed to a temp file inside
 * {@code blobs/} (same file system, so the final rename is atomic) and only renamed to
 * {@code blobs/<alg>/<hex>} once their digest is known or checked; writing a blob that is already
 * there is a no-op. {@code index.json} is replaced atomically too.
 */
public final class OciLayout {

    static final String LAYOUT_FILE = "oci-layout";
    static final String INDEX_FILE = "index.json";
    static final String BLOBS_DIR = "blobs";
    static final String TEMP_PREFIX = ".tmp-";
    private static final String LAYOUT_VERSION = "1.0.0";
    private static final String BLOB_MEDIA_TYPE = "application/octet-stream";
    private static final int BUFFER = 64 * 1024;

    /** The OCI image-spec grammar of {@code org.opencontainers.image.ref.name}. */
    private static final Pattern REF_NAME = Pattern.compile(
            "[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*");

    private final Path root;

    private OciLayout(Path root) {
        this.root = root;
    }

    /** Makes {@code dir} an OCI image layout, keeping what an existing layout there already holds. */
    public static OciLayout create(Path dir) {
        try {
            Files.createDirectories(dir.resolve(BLOBS_DIR));
            Path layoutFile = dir.resolve(LAYOUT_FILE);
            if (!Files.exists(layoutFile)) {
                writeAtomically(dir, layoutFile,
                        ("{\"imageLayoutVersion\":\"" + LAYOUT_VERSION + "\"}").getBytes(StandardCharsets.UTF_8));
            }
            Path indexFile = dir.resolve(INDEX_FILE);
            if (!Files.exists(indexFile)) {
                writeAtomically(dir, indexFile, ImageIndex.oci(List.of(), null).toJson());
            }
        } catch (IOException e) {
            throw new LayoutException("cannot create an OCI image layout in " + dir + ": " + e, e);
        }
        return open(dir);
    }

    /** Opens an existing layout; fails unless {@code dir} has an {@code oci-layout} file of version 1.0.0 and an {@code index.json}. */
    public static OciLayout open(Path dir) {
        Path layoutFile = dir.resolve(LAYOUT_FILE);
        if (!Files.isRegularFile(layoutFile)) {
            throw new LayoutException(dir + " is not an OCI image layout: it has no " + LAYOUT_FILE + " file");
        }
        String version;
        try {
            byte[] bytes = readSmallFile(layoutFile);
            JsonNode node = Json.mapper().readTree(bytes);
            version = node != null && node.path("imageLayoutVersion").isTextual()
                    ? node.get("imageLayoutVersion").asText() : null;
        } catch (IOException e) {
            throw new LayoutException(layoutFile + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!LAYOUT_VERSION.equals(version)) {
            throw new LayoutException(layoutFile + " has imageLayoutVersion " + version + ", expected " + LAYOUT_VERSION);
        }
        if (!Files.isRegularFile(dir.resolve(INDEX_FILE))) {
            throw new LayoutException(dir + " is not an OCI image layout: it has no " + INDEX_FILE + " file");
        }
        return new OciLayout(dir);
    }

    /** A layout object for a directory that is being filled and is not a layout yet (tar import). */
    static OciLayout unchecked(Path dir) {
        return new OciLayout(dir);
    }

    public Path root() {
        return root;
    }

    /** {@code blobs/<alg>/<hex>}; a {@link Digest} is validated hex, so this cannot leave the layout. */
    public Path blobPath(Digest d) {
        return root.resolve(BLOBS_DIR).resolve(d.algorithm()).resolve(d.encoded());
    }

    public boolean hasBlob(Digest d) {
        return Files.isRegularFile(blobPath(d));
    }

    /** Stores these bytes as a blob (no-op if present) and returns their descriptor. */
    public Descriptor writeBlob(String mediaType, byte[] bytes) {
        Descriptor descriptor = Descriptor.of(mediaType, bytes);
        if (!hasBlob(descriptor.digest())) {
            writeBlob(descriptor, new ByteArrayInputStream(bytes));
        }
        return descriptor;
    }

    /** Streams a blob of unknown digest into the layout; the caller closes {@code in}. */
    public Descriptor writeBlob(String mediaType, InputStream in) {
        Path temp = newTempFile();
        try {
            MessageDigest md = Digest.newSha256();
            long size = copy(in, temp, md, Long.MAX_VALUE, null);
            Descriptor descriptor = new Descriptor(mediaType, Digest.fromSha256(md), size);
            moveIntoPlace(temp, descriptor.digest());
            return descriptor;
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Streams a blob whose digest and size are known; it is renamed into place only if they match,
     * else {@link InvalidDigestException} and no file is left. A present blob is not rewritten and
     * {@code in} is not read. The caller closes {@code in}.
     */
    public void writeBlob(Descriptor expected, InputStream in) {
        if (hasBlob(expected.digest())) {
            return;
        }
        Path temp = newTempFile();
        try {
            MessageDigest md = messageDigest(expected.digest());
            long size = copy(in, temp, md, expected.size(), expected.digest());
            if (size != expected.size()) {
                throw new InvalidDigestException("content of " + expected.digest() + " is " + size
                        + " bytes, but its descriptor says " + expected.size());
            }
            Digest actual = new Digest(expected.digest().algorithm(), HexFormat.of().formatHex(md.digest()));
            if (!actual.equals(expected.digest())) {
                throw new InvalidDigestException("content does not match its digest: expected "
                        + expected.digest() + ", got " + actual);
            }
            moveIntoPlace(temp, expected.digest());
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Copies a file into the layout as the blob {@code expected}, checking its digest and size. */
    public void copyBlob(Descriptor expected, Path file) {
        if (hasBlob(expected.digest())) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            writeBlob(expected, in);
        } catch (NoSuchFileException e) {
            throw new LayoutException("cannot copy " + file + " into the OCI image layout " + root
                    + ": the file does not exist", e);
        } catch (IOException e) {
            throw new LayoutException("cannot read " + file + ": " + e, e);
        }
    }

    /**
     * Moves blob {@code expected} out of {@code source} into this layout: a rename when both are
     * on one file system, otherwise a verified copy. Saves a copy and a hash of every layer when a
     * layout is only a step (jib-core's tar, imported then composed). A layout's blobs were verified
     * when they were written, so the rename checks the size only.
     */
    public void moveBlobFrom(OciLayout source, Descriptor expected) {
        Path from = source.blobPath(expected.digest());
        if (hasBlob(expected.digest())) {
            return;
        }
        try {
            long size = Files.size(from);
            if (size != expected.size()) {
                throw new InvalidDigestException("blob " + expected.digest() + " in " + source.root() + " is " + size
                        + " bytes, but its descriptor says " + expected.size());
            }
            Path to = blobPath(expected.digest());
            Files.createDirectories(to.getParent());
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            throw notFound(expected.digest());
        } catch (IOException e) {
            // Another file system, or the rename was refused: copy, which verifies the digest.
            copyBlob(expected, from);
        }
    }

    /** Opens a blob for streaming; the caller closes it. */
    public InputStream openBlob(Digest d) {
        try {
            return Files.newInputStream(blobPath(d));
        } catch (NoSuchFileException e) {
            throw notFound(d);
        } catch (IOException e) {
            throw new LayoutException("cannot read blob " + d + " of the OCI image layout " + root + ": " + e, e);
        }
    }

    /**
     * Reads a small blob (a manifest, index or config) whole, checked against its descriptor.
     * Blobs above {@link Json#MAX_DOCUMENT_BYTES} are refused: layers are to be streamed.
     */
    public byte[] readBlob(Descriptor d) {
        if (d.size() > Json.MAX_DOCUMENT_BYTES) {
            throw new InvalidDocumentException("blob " + d.digest() + " is " + d.size() + " bytes, more than the "
                    + Json.MAX_DOCUMENT_BYTES + "-byte limit for reading it whole");
        }
        Path path = blobPath(d.digest());
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
        MessageDigest md = messageDigest(d.digest());
        Digest actual = new Digest(d.digest().algorithm(), HexFormat.of().formatHex(md.digest(bytes)));
        if (bytes.length != d.size() || !actual.equals(d.digest())) {
            throw new InvalidDigestException("blob " + blobPath(d.digest()) + " does not match its digest: got "
                    + actual + " (" + bytes.length + " bytes)");
        }
        return bytes;
    }

    /** The layout's {@code index.json}, exact bytes preserved in the model's unknown fields. */
    public ImageIndex readIndex() {
        Path indexFile = root.resolve(INDEX_FILE);
        byte[] bytes;
        try {
            bytes = readSmallFile(indexFile);
        } catch (NoSuchFileException e) {
            throw new LayoutException(root + " is not an OCI image layout: it has no " + INDEX_FILE + " file", e);
        } catch (IOException e) {
            throw new LayoutException("cannot read " + indexFile + ": " + e, e);
        }
        return Json.read(bytes, ImageIndex.class, indexFile.toString());
    }

    /** Replaces {@code index.json} atomically (temp file and rename). */
    public void writeIndex(ImageIndex index) {
        try {
            writeAtomically(root, root.resolve(INDEX_FILE), index.toJson());
        } catch (IOException e) {
            throw new LayoutException("cannot write " + root.resolve(INDEX_FILE) + ": " + e, e);
        }
    }

    /** The {@code index.json} entry whose {@code org.opencontainers.image.ref.name} is {@code refName}. */
    public Descriptor resolve(String refName) {
        ImageIndex index = readIndex();
        Set<String> known = new LinkedHashSet<>();
        for (Descriptor entry : index.manifests()) {
            String name = entry.annotations().get(Annotations.REF_NAME);
            if (refName.equals(name)) {
                return entry;
            }
            if (name != null) {
                known.add(name);
            }
        }
        throw new RefNotFoundException(refName, "reference '" + refName + "' is not in the OCI image layout " + root
                + (known.isEmpty() ? " (its index.json names no references)" : " (known: " + String.join(", ", known) + ")"));
    }

    /**
     * Points each name at {@code root}: one {@code index.json} entry per name, carrying the
     * {@code org.opencontainers.image.ref.name} annotation; an entry with the same name is replaced.
     */
    public void tag(Descriptor target, List<String> refNames) {
        for (String name : refNames) {
            if (name == null || !REF_NAME.matcher(name).matches()) {
                throw new LayoutException("'" + name + "' is not a valid OCI image layout reference name"
                        + " (letters and digits separated by '-', '.', '_', ':', '@', '+' or '/')");
            }
        }
        ImageIndex index = readIndex();
        List<Descriptor> entries = new ArrayList<>();
        for (Descriptor entry : index.manifests()) {
            if (!refNames.contains(entry.annotations().get(Annotations.REF_NAME))) {
                entries.add(entry);
            }
        }
        for (String name : new LinkedHashSet<>(refNames)) {
            entries.add(target.withAnnotation(Annotations.REF_NAME, name));
        }
        writeIndex(index.withManifests(entries));
    }

    @Override
    public String toString() {
        return "OciLayout[" + root + "]";
    }

    // --- internals -------------------------------------------------------------------------

    private BlobNotFoundException notFound(Digest d) {
        return new BlobNotFoundException(d, "blob " + d + " is not in the OCI image layout " + root);
    }

    private Path newTempFile() {
        try {
            Path blobs = root.resolve(BLOBS_DIR);
            Files.createDirectories(blobs);
            return Files.createTempFile(blobs, TEMP_PREFIX, "");
        } catch (IOException e) {
            throw new LayoutException("cannot create a temp file in " + root.resolve(BLOBS_DIR) + ": " + e, e);
        }
    }

    /**
     * Copies {@code in} to {@code temp}, hashing as it goes. Stops as soon as more than
     * {@code limit} bytes arrive, so a lying stream cannot fill the disk.
     */
    private long copy(InputStream in, Path temp, MessageDigest md, long limit, Digest expected) {
        long total = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(temp)) {
            for (int n; (n = read(in, buffer, expected)) != -1; ) {
                total += n;
                if (total > limit) {
                    throw new InvalidDigestException("content of " + expected + " is longer than the "
                            + limit + " bytes its descriptor says");
                }
                md.update(buffer, 0, n);
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
        Path target = blobPath(digest);
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

    /** Writes {@code target} through a temp file in {@code dir} and an atomic rename. */
    static void writeAtomically(Path dir, Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(dir, TEMP_PREFIX, "");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] readSmallFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Json.MAX_DOCUMENT_BYTES) {
            throw new InvalidDocumentException(file + " is " + size + " bytes, more than the "
                    + Json.MAX_DOCUMENT_BYTES + "-byte limit");
        }
        return Files.readAllBytes(file);
    }

    static MessageDigest messageDigest(Digest d) {
        try {
            return MessageDigest.getInstance(d.algorithm().equals("sha512") ? "SHA-512" : "SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no " + d.algorithm(), e);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // best effort: a leftover .tmp- file is ignored by readers and by export
        }
    }
}
