package dev.fita.oci.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.Annotations;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.InvalidDigestException;
import dev.fita.oci.InvalidDocumentException;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;

class OciLayoutTest {

    @TempDir
    Path dir;

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);
    private static final Digest HELLO_DIGEST =
            Digest.parse("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");

    @Test
    void createWritesLayoutFileBlobsDirAndEmptyIndex() throws IOException {
        OciLayout layout = OciLayout.create(dir.resolve("new"));
        Path root = layout.root();
        assertEquals("{\"imageLayoutVersion\":\"1.0.0\"}", Files.readString(root.resolve("oci-layout")));
        assertTrue(Files.isDirectory(root.resolve("blobs")));
        assertEquals("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}",
                Files.readString(root.resolve("index.json")));
        assertEquals(List.of(), layout.readIndex().manifests());
    }

    @Test
    void linkBlobLinksACachedFileWithoutCopyingIt() throws IOException {
        OciLayout target = OciLayout.create(dir.resolve("target"));
        Path cached = Files.write(dir.resolve("cache-file"), HELLO);
        Descriptor blob = Descriptor.of(MediaTypes.OCI_LAYER, HELLO);
        target.linkBlob(blob, cached);
        assertTrue(Files.isSameFile(cached, target.blobPath(HELLO_DIGEST)), "a hard link, not a copy");
        assertEquals(2, Files.getAttribute(cached, "unix:nlink"));
        target.linkBlob(blob, cached); // already present: nothing to do, no error
        assertArrayEquals(HELLO, target.readBlob(blob));
    }

    @Test
    void linkBlobRefusesASizeThatDisagreesAndNamesAMissingFile() throws IOException {
        OciLayout target = OciLayout.create(dir.resolve("target"));
        Path cached = Files.write(dir.resolve("cache-file"), HELLO);
        Descriptor lying = new Descriptor(MediaTypes.OCI_LAYER, HELLO_DIGEST, HELLO.length + 1);
        assertThrows(InvalidDigestException.class, () -> target.linkBlob(lying, cached));
        assertFalse(target.hasBlob(HELLO_DIGEST));
        Path absent = dir.resolve("absent");
        LayoutException e = assertThrows(LayoutException.class,
                () -> target.linkBlob(Descriptor.of(MediaTypes.OCI_LAYER, HELLO), absent));
        assertTrue(e.getMessage().contains(absent.toString()), e.getMessage());
    }

    @Test
    void createKeepsAnExistingIndex() {
        OciLayout layout = OciLayout.create(dir);
        Descriptor blob = layout.writeBlob(MediaTypes.OCI_MANIFEST, HELLO);
        layout.tag(blob, List.of("v1"));
        OciLayout again = OciLayout.create(dir);
        assertEquals(blob.digest(), again.require("v1").digest());
    }

    @Test
    void openRefusesADirectoryThatIsNotALayout() throws IOException {
        Files.createDirectories(dir.resolve("plain"));
        LayoutException e = assertThrows(LayoutException.class, () -> OciLayout.open(dir.resolve("plain")));
        assertTrue(e.getMessage().contains(dir.resolve("plain").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("oci-layout"), e.getMessage());
    }

    @Test
    void openRefusesAnotherLayoutVersion() throws IOException {
        OciLayout.create(dir);
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"2.0.0\"}");
        LayoutException e = assertThrows(LayoutException.class, () -> OciLayout.open(dir));
        assertTrue(e.getMessage().contains("2.0.0"), e.getMessage());
    }

    @Test
    void blobPathIsBlobsAlgorithmHex() {
        OciLayout layout = OciLayout.create(dir);
        assertEquals(dir.resolve("blobs/sha256/" + HELLO_DIGEST.encoded()), layout.blobPath(HELLO_DIGEST));
    }

    @Test
    void writeBlobFromBytesStoresContentUnderItsDigest() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        Descriptor d = layout.writeBlob("text/plain", HELLO);
        assertEquals(new Descriptor("text/plain", HELLO_DIGEST, 5), d);
        assertTrue(layout.hasBlob(HELLO_DIGEST));
        assertArrayEquals(HELLO, Files.readAllBytes(layout.blobPath(HELLO_DIGEST)));
        assertArrayEquals(HELLO, layout.readBlob(d));
        try (InputStream in = layout.openBlob(HELLO_DIGEST)) {
            assertArrayEquals(HELLO, in.readAllBytes());
        }
        assertNoTempFiles(layout);
    }

    @Test
    void writeBlobFromStreamComputesDigestAndSize() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        Descriptor d = layout.writeBlob("text/plain", new ByteArrayInputStream(HELLO));
        assertEquals(HELLO_DIGEST, d.digest());
        assertEquals(5, d.size());
        assertArrayEquals(HELLO, Files.readAllBytes(layout.blobPath(HELLO_DIGEST)));
        assertNoTempFiles(layout);
    }

    @Test
    void largeBlobsAreStreamedAndNotReadWhole() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        long size = Json.MAX_DOCUMENT_BYTES * 3L + 7;
        Descriptor d = layout.writeBlob(MediaTypes.OCI_LAYER_GZIP, new PatternStream(size));
        assertEquals(size, d.size());
        assertEquals(size, Files.size(layout.blobPath(d.digest())));
        try (InputStream in = layout.openBlob(d.digest())) {
            assertEquals(d.digest(), Digest.sha256(in));
        }
        try (InputStream in = new PatternStream(size)) {
            assertEquals(d.digest(), Digest.sha256(in));
        }
        assertThrows(InvalidDocumentException.class, () -> layout.readBlob(d));
        // a stream longer than its descriptor says is cut off, not written to the end
        Descriptor lying = new Descriptor(MediaTypes.OCI_LAYER_GZIP, HELLO_DIGEST, 5);
        assertThrows(InvalidDigestException.class, () -> layout.writeBlob(lying, new PatternStream(size)));
        assertNoTempFiles(layout);
    }

    /** {@code size} bytes of a repeating pattern, generated on the fly. */
    private static final class PatternStream extends InputStream {
        private long remaining;

        PatternStream(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            return remaining-- > 0 ? (int) (remaining % 251) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (--remaining % 251);
            }
            return n;
        }
    }

    @Test
    void writingAnExistingBlobIsANoOp() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        layout.writeBlob("text/plain", HELLO);
        Path blob = layout.blobPath(HELLO_DIGEST);
        FileTime marker = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(blob, marker);

        layout.writeBlob("text/plain", HELLO);
        layout.writeBlob("text/plain", new ByteArrayInputStream(HELLO));
        ByteArrayInputStream unread = new ByteArrayInputStream(HELLO);
        layout.writeBlob(new Descriptor("text/plain", HELLO_DIGEST, 5), unread);
        Path source = Files.write(dir.resolve("source"), HELLO);
        layout.copyBlob(new Descriptor("text/plain", HELLO_DIGEST, 5), source);

        assertEquals(marker, Files.getLastModifiedTime(blob), "the blob was rewritten");
        assertEquals(5, unread.available(), "an existing blob's stream should not be read");
        assertNoTempFiles(layout);
    }

    @Test
    void writeBlobWithDescriptorRejectsDigestMismatchAndLeavesNoFile() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        Descriptor expected = new Descriptor("text/plain", HELLO_DIGEST, 5);
        InvalidDigestException e = assertThrows(InvalidDigestException.class, () ->
                layout.writeBlob(expected, new ByteArrayInputStream("HELLO".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains(HELLO_DIGEST.toString()), e.getMessage());
        assertFalse(layout.hasBlob(HELLO_DIGEST));
        assertNoTempFiles(layout);
    }

    @Test
    void writeBlobWithDescriptorRejectsSizeMismatchAndLeavesNoFile() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        assertThrows(InvalidDigestException.class, () -> layout.writeBlob(
                new Descriptor("text/plain", HELLO_DIGEST, 4), new ByteArrayInputStream(HELLO)));
        assertThrows(InvalidDigestException.class, () -> layout.writeBlob(
                new Descriptor("text/plain", HELLO_DIGEST, 6), new ByteArrayInputStream(HELLO)));
        assertFalse(layout.hasBlob(HELLO_DIGEST));
        assertNoTempFiles(layout);
    }

    @Test
    void writeBlobChecksSha512Digests() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        Digest sha512 = Digest.parse("sha512:9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7"
                + "2323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043");
        layout.writeBlob(new Descriptor("text/plain", sha512, 5), new ByteArrayInputStream(HELLO));
        assertArrayEquals(HELLO, Files.readAllBytes(dir.resolve("blobs/sha512/" + sha512.encoded())));
        assertArrayEquals(HELLO, layout.readBlob(new Descriptor("text/plain", sha512, 5)));
        Digest wrong = Digest.parse("sha512:" + "0".repeat(128));
        assertThrows(InvalidDigestException.class,
                () -> layout.writeBlob(new Descriptor("text/plain", wrong, 5), new ByteArrayInputStream(HELLO)));
        assertFalse(layout.hasBlob(wrong));
    }

    @Test
    void copyBlobVerifiesTheFile() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        Path good = Files.write(dir.resolve("good"), HELLO);
        Path bad = Files.write(dir.resolve("bad"), "olleh".getBytes(StandardCharsets.UTF_8));
        Descriptor expected = new Descriptor("text/plain", HELLO_DIGEST, 5);
        assertThrows(InvalidDigestException.class, () -> layout.copyBlob(expected, bad));
        assertFalse(layout.hasBlob(HELLO_DIGEST));
        layout.copyBlob(expected, good);
        assertArrayEquals(HELLO, Files.readAllBytes(layout.blobPath(HELLO_DIGEST)));
        LayoutException missing = assertThrows(LayoutException.class,
                () -> OciLayout.create(dir.resolve("other")).copyBlob(expected, dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
        assertNoTempFiles(layout);
    }

    @Test
    void openBlobOfAMissingDigestNamesIt() {
        OciLayout layout = OciLayout.create(dir);
        BlobNotFoundException e = assertThrows(BlobNotFoundException.class, () -> layout.openBlob(HELLO_DIGEST));
        assertTrue(e.getMessage().contains(HELLO_DIGEST.toString()), e.getMessage());
        assertEquals(HELLO_DIGEST, e.digest());
        assertThrows(BlobNotFoundException.class, () -> layout.readBlob(new Descriptor("text/plain", HELLO_DIGEST, 5)));
    }

    @Test
    void readBlobRejectsTamperedContentAndOversizedDescriptors() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        Descriptor d = layout.writeBlob("text/plain", HELLO);
        Files.write(layout.blobPath(d.digest()), "jello".getBytes(StandardCharsets.UTF_8));
        assertThrows(InvalidDigestException.class, () -> layout.readBlob(d));
        Files.write(layout.blobPath(d.digest()), "hello!".getBytes(StandardCharsets.UTF_8));
        assertThrows(InvalidDigestException.class, () -> layout.readBlob(d));
        Descriptor huge = new Descriptor("text/plain", HELLO_DIGEST, Json.MAX_DOCUMENT_BYTES + 1L);
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> layout.readBlob(huge));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void tagAndResolve() {
        OciLayout layout = OciLayout.create(dir);
        Descriptor one = layout.writeBlob(MediaTypes.OCI_MANIFEST, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        Descriptor two = layout.writeBlob(MediaTypes.OCI_MANIFEST, "{\"a\":2}".getBytes(StandardCharsets.UTF_8));
        layout.tag(one, List.of("0.0.1", "latest"));
        layout.tag(two, List.of("latest"));

        assertEquals(one.digest(), layout.require("0.0.1").digest());
        Descriptor latest = layout.resolve("latest").orElseThrow();
        assertEquals(two.digest(), latest.digest());
        assertEquals("latest", latest.annotations().get(Annotations.REF_NAME));
        assertEquals(2, layout.readIndex().manifests().size(), "one entry per name");
    }

    @Test
    void resolveOfAnUnknownNameListsTheKnownOnes() {
        OciLayout layout = OciLayout.create(dir);
        assertEquals(java.util.Optional.empty(), layout.resolve("x"));
        RefNotFoundException empty = assertThrows(RefNotFoundException.class, () -> layout.require("x"));
        assertTrue(empty.getMessage().contains("'x'"), empty.getMessage());
        layout.tag(layout.writeBlob(MediaTypes.OCI_MANIFEST, HELLO), List.of("a", "b"));
        RefNotFoundException e = assertThrows(RefNotFoundException.class, () -> layout.require("c"));
        assertEquals("c", e.refName());
        assertTrue(e.getMessage().contains("known: a, b"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void tagRefusesInvalidReferenceNames() {
        OciLayout layout = OciLayout.create(dir);
        Descriptor d = layout.writeBlob(MediaTypes.OCI_MANIFEST, HELLO);
        for (String bad : List.of("", "../x", "a b", "-a", "a/")) {
            LayoutException e = assertThrows(LayoutException.class, () -> layout.tag(d, List.of(bad)), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        layout.tag(d, List.of("registry.example.com/fita/sensor:0.0.1", "v1.0-rc+1"));
    }

    @Test
    void writeIndexReplacesIndexAtomicallyAndKeepsUnknownFields() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        Files.writeString(dir.resolve("index.json"),
                "{\"schemaVersion\":2,\"manifests\":[],\"vendor\":{\"x\":1}}");
        ImageIndex index = layout.readIndex();
        layout.writeIndex(index.withManifests(List.of(new Descriptor(MediaTypes.OCI_MANIFEST, HELLO_DIGEST, 5))));
        String written = Files.readString(dir.resolve("index.json"));
        assertTrue(written.contains("\"vendor\":{\"x\":1}"), written);
        assertEquals(1, layout.readIndex().manifests().size());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList());
        }
    }

    @Test
    void readIndexNamesTheFileWhenInvalid() throws IOException {
        OciLayout layout = OciLayout.create(dir);
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":1}");
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class, layout::readIndex);
        assertTrue(e.getMessage().contains("schemaVersion"), e.getMessage());
        Files.writeString(dir.resolve("index.json"), "{nope");
        e = assertThrows(InvalidDocumentException.class, layout::readIndex);
        assertTrue(e.getMessage().contains(dir.resolve("index.json").toString()), e.getMessage());
    }

    static void assertNoTempFiles(OciLayout layout) throws IOException {
        try (Stream<Path> files = Files.walk(layout.root())) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList());
        }
    }
}
