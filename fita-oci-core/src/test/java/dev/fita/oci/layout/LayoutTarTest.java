package dev.fita.oci.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestImages.MultiPlatformImage;
import dev.fita.oci.testing.Tools;

class LayoutTarTest {

    @TempDir
    Path tmp;

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);
    private static final String HELLO_BLOB =
            "blobs/sha256/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    private static final byte[] LAYOUT_FILE = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY_INDEX = ImageIndex.oci(List.of(), null).toJson();

    // --- export ----------------------------------------------------------------------------

    @Test
    void exportIsDeterministicAndNormalized() throws IOException {
        MultiPlatformImage image = TestImages.writeMultiPlatform(tmp.resolve("layout"), "v1");
        Files.write(image.layout().root().resolve("blobs/.tmp-123"), HELLO); // an interrupted write
        Path first = tmp.resolve("first.tar");
        Path second = tmp.resolve("second.tar");
        LayoutTar.export(image.layout(), first);
        LayoutTar.export(image.layout(), second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));

        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(first))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertEquals(0L, e.getLastModifiedDate().getTime(), e.getName());
                assertEquals(0L, e.getLongUserId(), e.getName());
                assertEquals(0L, e.getLongGroupId(), e.getName());
                assertEquals(e.isDirectory() ? 0755 : 0644, e.getMode() & 07777, e.getName());
                assertTrue(e.isDirectory() || e.getLinkFlag() == TarConstants.LF_NORMAL, e.getName());
            }
        }
        List<String> sorted = new ArrayList<>(names);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, names);
        assertEquals(List.of("blobs/", "blobs/sha256/"), names.subList(0, 2));
        assertTrue(names.containsAll(List.of("index.json", "oci-layout")), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.contains(".tmp-")), names.toString());
        assertEquals(2 + 10 + 2, names.size(), names.toString()); // 2 dirs, 10 blobs, index.json, oci-layout
    }

    @Test
    void exportImportExportIsByteIdentical() throws IOException {
        MultiPlatformImage image = TestImages.writeMultiPlatform(tmp.resolve("layout"), "v1");
        Path first = tmp.resolve("first.tar");
        LayoutTar.export(image.layout(), first);
        OciLayout imported = LayoutTar.importTar(first, tmp.resolve("imported"));
        assertEquals(files(image.layout().root()), files(imported.root()));
        assertEquals(image.index().digest(), imported.require("v1").digest());

        Path second = tmp.resolve("second.tar");
        LayoutTar.export(imported, second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void importFromAStream() throws IOException {
        MultiPlatformImage image = TestImages.writeMultiPlatform(tmp.resolve("layout"), "v1");
        Path tar = tmp.resolve("image.tar");
        LayoutTar.export(image.layout(), tar);
        try (InputStream in = Files.newInputStream(tar)) {
            OciLayout imported = LayoutTar.importTar(in, tmp.resolve("imported"));
            assertArrayEquals(image.serviceJson(), imported.readBlob(
                    new Descriptor(MediaTypes.EMBSERVE_SERVICE, Digest.sha256(image.serviceJson()), image.serviceJson().length)));
        }
    }

    // --- import: what is accepted ----------------------------------------------------------

    @Test
    void importAcceptsAJibStyleTarWithUnknownFilesAndNoDirectoryEntries() throws IOException {
        // blobs before oci-layout, a docker-load manifest.json the layout format does not know
        byte[] tar = tar(Map.of(
                HELLO_BLOB, HELLO,
                "index.json", EMPTY_INDEX,
                "manifest.json", "[]".getBytes(StandardCharsets.UTF_8),
                "oci-layout", LAYOUT_FILE), List.of(HELLO_BLOB, "index.json", "manifest.json", "oci-layout"));
        OciLayout layout = LayoutTar.importTar(new ByteArrayInputStream(tar), tmp.resolve("jib"));
        assertTrue(layout.hasBlob(Digest.sha256(HELLO)));
        assertEquals("[]", Files.readString(layout.root().resolve("manifest.json")));
        OciLayoutTest.assertNoTempFiles(layout);
    }

    @Test
    void importAcceptsTarsMadeByGnuTarInGnuAndPaxFormats() throws IOException {
        String gnuTar = Tools.require("tar", "tar").toString();
        OciLayout source = OciLayout.create(tmp.resolve("source"));
        // a name longer than ustar's 100 bytes needs a GNU long name or a PAX path header
        Path deep = source.root().resolve("extra/" + "d".repeat(60) + "/" + "f".repeat(60) + ".txt");
        Files.createDirectories(deep.getParent());
        Files.write(deep, HELLO);
        source.tag(source.writeBlob(MediaTypes.OCI_MANIFEST, HELLO), List.of("v1"));
        for (String format : List.of("gnu", "pax", "ustar")) {
            Path tar = tmp.resolve(format + ".tar");
            List<String> cmd = new ArrayList<>(List.of(gnuTar, "--format=" + format, "-cf", tar.toString(),
                    "-C", source.root().toString()));
            cmd.addAll(format.equals("ustar") ? List.of("./oci-layout", "./index.json", "./blobs") : List.of("."));
            Tools.run(Duration.ofMinutes(1), cmd.toArray(String[]::new)).assertSuccess();
            OciLayout imported = LayoutTar.importTar(tar, tmp.resolve("from-" + format));
            assertEquals(Digest.sha256(HELLO), imported.require("v1").digest(), format);
            if (!format.equals("ustar")) {
                assertArrayEquals(HELLO, Files.readAllBytes(imported.root().resolve(source.root().relativize(deep))), format);
            }
        }
    }

    // --- import: what is refused -----------------------------------------------------------

    @Test
    void importRefusesParentTraversal() throws IOException {
        Path dir = tmp.resolve("sub/target");
        for (String evil : List.of("../x", "blobs/../../x", "./../x")) {
            LayoutException e = refused(validLayoutPlus(entry(evil, TarConstants.LF_NORMAL), HELLO), dir);
            assertTrue(e.getMessage().contains(evil), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("sub/x")));
            assertFalse(Files.exists(tmp.resolve("x")));
        }
    }

    @Test
    void importRefusesAbsolutePaths() throws IOException {
        Path outside = tmp.resolve("outside.txt");
        TarArchiveEntry entry = new TarArchiveEntry(outside.toString(), true);
        LayoutException e = refused(validLayoutPlus(entry, HELLO), tmp.resolve("target"));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
        assertFalse(Files.exists(outside));
    }

    /**
     * commons-compress strips the leading '/' of names from PAX and GNU long-name headers before
     * we see them, so such an entry cannot be refused by name; it lands inside the target instead.
     */
    @Test
    void absolutePathsInLongNamesStayInsideTheTarget() throws IOException {
        for (int mode : new int[] {TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.LONGFILE_GNU}) {
            Path outside = tmp.resolve("o".repeat(120) + ".txt");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
                tar.setLongFileMode(mode);
                put(tar, new TarArchiveEntry("oci-layout"), LAYOUT_FILE);
                put(tar, new TarArchiveEntry(outside.toString(), true), HELLO);
                put(tar, new TarArchiveEntry("index.json"), EMPTY_INDEX);
            }
            Path target = tmp.resolve("target-" + mode);
            LayoutTar.importTar(new ByteArrayInputStream(bytes.toByteArray()), target);
            assertFalse(Files.exists(outside));
            assertArrayEquals(HELLO, Files.readAllBytes(target.resolve(outside.toString().substring(1))));
        }
    }

    @Test
    void importRefusesATruncatedTar() throws IOException {
        MultiPlatformImage image = TestImages.writeMultiPlatform(tmp.resolve("layout"), "v1");
        Path tar = tmp.resolve("image.tar");
        LayoutTar.export(image.layout(), tar);
        byte[] whole = Files.readAllBytes(tar);
        Path truncated = Files.write(tmp.resolve("truncated.tar"), java.util.Arrays.copyOf(whole, 1536 + 100));
        Path dir = tmp.resolve("target");
        LayoutException e = assertThrows(LayoutException.class, () -> LayoutTar.importTar(truncated, dir));
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
        assertFalse(Files.exists(dir));
    }

    @Test
    void importRefusesSymlinks() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("blobs", TarConstants.LF_SYMLINK);
        link.setLinkName("/etc");
        LayoutException e = refused(validLayoutPlus(link, null), tmp.resolve("target"));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void importRefusesHardlinks() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("passwd", TarConstants.LF_LINK);
        link.setLinkName("/etc/passwd");
        LayoutException e = refused(validLayoutPlus(link, null), tmp.resolve("target"));
        assertTrue(e.getMessage().contains("hard link"), e.getMessage());
    }

    @Test
    void importRefusesDevicesAndFifos() throws IOException {
        for (byte type : new byte[] {TarConstants.LF_CHR, TarConstants.LF_BLK, TarConstants.LF_FIFO}) {
            TarArchiveEntry device = new TarArchiveEntry("dev", type);
            device.setDevMajor(1);
            device.setDevMinor(3);
            LayoutException e = refused(validLayoutPlus(device, null), tmp.resolve("target"));
            assertTrue(e.getMessage().contains("device or FIFO"), e.getMessage());
        }
    }

    @Test
    void importRefusesABlobWhoseContentDoesNotMatchItsName() throws IOException {
        Path tarFile = tmp.resolve("bad.tar");
        Files.write(tarFile, validLayoutPlus(entry(HELLO_BLOB, TarConstants.LF_NORMAL), "jello".getBytes(StandardCharsets.UTF_8)));
        Path dir = tmp.resolve("target");
        LayoutException e = assertThrows(LayoutException.class, () -> LayoutTar.importTar(tarFile, dir));
        assertTrue(e.getMessage().contains(tarFile.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(HELLO_BLOB), e.getMessage());
        assertTrue(e.getMessage().contains("does not match its digest"), e.getMessage());
        assertFalse(Files.exists(dir), "a directory the import created is removed on failure");
    }

    @Test
    void importRefusesFilesUnderBlobsThatAreNotNamedByADigest() throws IOException {
        for (String name : List.of("blobs/sha256/not-hex", "blobs/md5/d41d8cd98f00b204e9800998ecf8427e", "blobs/x",
                HELLO_BLOB + "/y")) {
            LayoutException e = refused(validLayoutPlus(entry(name, TarConstants.LF_NORMAL), HELLO), tmp.resolve("target"));
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void importRefusesATarWithoutOciLayoutFile() throws IOException {
        byte[] tar = tar(Map.of("index.json", EMPTY_INDEX), List.of("index.json"));
        LayoutException e = assertThrows(LayoutException.class,
                () -> LayoutTar.importTar(new ByteArrayInputStream(tar), tmp.resolve("target")));
        assertTrue(e.getMessage().contains("oci-layout"), e.getMessage());
    }

    @Test
    void importOfAMissingTarNamesIt() {
        Path missing = tmp.resolve("missing.tar");
        LayoutException e = assertThrows(LayoutException.class, () -> LayoutTar.importTar(missing, tmp.resolve("t")));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    // --- helpers ---------------------------------------------------------------------------

    private LayoutException refused(byte[] tar, Path dir) throws IOException {
        Path tarFile = Files.write(tmp.resolve("evil.tar"), tar);
        LayoutException e = assertThrows(LayoutException.class, () -> LayoutTar.importTar(tarFile, dir));
        assertTrue(e.getMessage().contains(tarFile.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("entry '"), e.getMessage());
        assertFalse(Files.exists(dir), "a directory the import created is removed on failure");
        return e;
    }

    private static TarArchiveEntry entry(String name, byte type) {
        return new TarArchiveEntry(name, type);
    }

    /** A valid layout tar with {@code extra} (content {@code content}, if a file) before its index. */
    private static byte[] validLayoutPlus(TarArchiveEntry extra, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            put(tar, new TarArchiveEntry("oci-layout"), LAYOUT_FILE);
            put(tar, extra, content);
            put(tar, new TarArchiveEntry("index.json"), EMPTY_INDEX);
        }
        return bytes.toByteArray();
    }

    private static byte[] tar(Map<String, byte[]> files, List<String> order) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (String name : order) {
                put(tar, new TarArchiveEntry(name), files.get(name));
            }
        }
        return bytes.toByteArray();
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry entry, byte[] content) throws IOException {
        entry.setSize(content == null ? 0 : content.length);
        tar.putArchiveEntry(entry);
        if (content != null) {
            tar.write(content);
        }
        tar.closeArchiveEntry();
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    result.put(root.relativize(p).toString(), Digest.sha256(Files.readAllBytes(p)).toString());
                }
            }
        }
        return result;
    }
}
