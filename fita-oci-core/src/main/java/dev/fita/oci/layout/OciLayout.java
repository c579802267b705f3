package dev.fita.oci.layout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.Json;
import dev.fita.oci.content.BlobSource;
import dev.fita.oci.content.Storage;

/**
 * A directory in the OCI image layout format, as a {@link Storage}: blobs under
 * {@code blobs/<alg>/<hex>}, written through a temp file and renamed into place only once their
 * digest and size check (writing a blob that is already there is a no-op), and tags as
 * {@code index.json} entries, which is replaced atomically too. The only code that knows the
 * layout's paths.
 */
public final class OciLayout implements Storage {

    static final String LAYOUT_FILE = "oci-layout";
    static final String TEMP_PREFIX = ".tmp-";
    private static final String LAYOUT_VERSION = "1.0.0";

    private final Path root;
    private final BlobFiles blobs;
    private final IndexFile index;

    private OciLayout(Path root) {
        this.root = root;
        this.blobs = new BlobFiles(root);
        this.index = new IndexFile(root);
    }

    /** Makes {@code dir} an OCI image layout, keeping what an existing layout there already holds. */
    public static OciLayout create(Path dir) {
        try {
            Files.createDirectories(dir.resolve(BlobFiles.BLOBS_DIR));
            Path layoutFile = dir.resolve(LAYOUT_FILE);
            if (!Files.exists(layoutFile)) {
                IndexFile.writeAtomically(dir, layoutFile,
                        ("{\"imageLayoutVersion\":\"" + LAYOUT_VERSION + "\"}").getBytes(StandardCharsets.UTF_8));
            }
            Path indexFile = dir.resolve(IndexFile.NAME);
            if (!Files.exists(indexFile)) {
                IndexFile.writeAtomically(dir, indexFile, ImageIndex.oci(List.of(), null).toJson());
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
            JsonNode node = Json.mapper().readTree(IndexFile.readSmallFile(layoutFile));
            version = node != null && node.path("imageLayoutVersion").isTextual()
                    ? node.get("imageLayoutVersion").asText() : null;
        } catch (IOException e) {
            throw new LayoutException(layoutFile + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!LAYOUT_VERSION.equals(version)) {
            throw new LayoutException(layoutFile + " has imageLayoutVersion " + version + ", expected " + LAYOUT_VERSION);
        }
        if (!Files.isRegularFile(dir.resolve(IndexFile.NAME))) {
            throw new LayoutException(dir + " is not an OCI image layout: it has no " + IndexFile.NAME + " file");
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

    Path blobPath(Digest d) {
        return blobs.path(d);
    }

    public boolean hasBlob(Digest d) {
        return blobs.has(d);
    }

    /** Stores these bytes as a blob (no-op if present) and returns their descriptor. */
    public Descriptor writeBlob(String mediaType, byte[] bytes) {
        Descriptor descriptor = Descriptor.of(mediaType, bytes);
        blobs.write(descriptor, new ByteArrayInputStream(bytes));
        return descriptor;
    }

    /** Streams a blob of unknown digest into the layout (sha256); the caller closes {@code in}. */
    public Descriptor writeBlob(String mediaType, InputStream in) {
        return blobs.write(mediaType, in);
    }

    /**
     * Streams a blob whose digest and size are known; it is renamed into place only if they match,
     * else {@link dev.fita.oci.InvalidDigestException} and no file is left. A present blob is not
     * rewritten and {@code in} is not read. The caller closes {@code in}.
     */
    public void writeBlob(Descriptor expected, InputStream in) {
        blobs.write(expected, in);
    }

    /** Copies a file into the layout as the blob {@code expected}, checking its digest and size. */
    public void copyBlob(Descriptor expected, Path file) {
        blobs.copy(expected, file);
    }

    /**
     * Puts the file {@code file} into the layout as blob {@code expected} as a hard link when it is on the
     * same file system and has the expected size, without reading it: for blobs from a cache that verified
     * their digest when it wrote them (Jib's layer caches). Otherwise a copy, which checks the digest.
     * Layout blobs are never written in place, so the cache's file and the blob stay the same bytes.
     */
    public void linkBlob(Descriptor expected, Path file) {
        blobs.link(expected, file);
    }

    /** Opens a blob for streaming; the caller closes it. */
    public InputStream openBlob(Digest d) {
        return blobs.open(d);
    }

    /** Reads a small blob (a manifest, index or config) whole, checked against its descriptor. */
    public byte[] readBlob(Descriptor d) {
        return blobs.read(d);
    }

    /** The layout's {@code index.json}, unknown fields preserved. */
    public ImageIndex readIndex() {
        return index.read();
    }

    /** Replaces {@code index.json} atomically (temp file and rename). */
    public void writeIndex(ImageIndex newIndex) {
        index.write(newIndex);
    }

    /** The {@code index.json} entry named {@code refName}, or failing that naming the references there are. */
    public Descriptor require(String refName) {
        return index.find(refName).orElseThrow(() -> index.notFound(refName));
    }

    /**
     * Points each name at {@code target}: one {@code index.json} entry per name, carrying the
     * {@code org.opencontainers.image.ref.name} annotation; an entry with the same name is replaced.
     */
    public void tag(Descriptor target, List<String> refNames) {
        index.tag(target, refNames);
    }

    // --- Storage ---------------------------------------------------------------------------

    @Override
    public InputStream fetch(Descriptor d) {
        return openBlob(d.digest());
    }

    @Override
    public byte[] fetchAll(Descriptor d) {
        return readBlob(d);
    }

    @Override
    public boolean exists(Descriptor d) {
        return hasBlob(d.digest());
    }

    /** The {@code index.json} entry named {@code reference} (or of that digest), platform and annotations as written. */
    @Override
    public Optional<Descriptor> resolve(String reference) {
        return index.find(reference);
    }

    @Override
    public void push(Descriptor d, BlobSource content) {
        if (hasBlob(d.digest())) {
            return;
        }
        try (InputStream in = content.open()) {
            writeBlob(d, in);
        } catch (IOException e) {
            throw new LayoutException("cannot read the content of blob " + d.digest() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void checkTag(String tag) {
        IndexFile.checkName(tag);
    }

    @Override
    public void tag(Descriptor d, String tag) {
        tag(d, List.of(tag));
    }

    @Override
    public String toString() {
        return "the OCI image layout " + root;
    }
}
