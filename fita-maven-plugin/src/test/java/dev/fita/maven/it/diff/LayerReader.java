package dev.fita.maven.it.diff;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import dev.fita.oci.Digest;

/** Reads the entries of a layer blob (tar, optionally gzip-compressed) into {@link FileEntry}s, in tar order. */
final class LayerReader {

    private LayerReader() {}

    static List<FileEntry> read(InputStream blob, String what) {
        try (InputStream in = decompressed(new BufferedInputStream(blob), what);
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            List<FileEntry> entries = new ArrayList<>();
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                entries.add(entry(e, tar));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tar of " + what, e);
        }
    }

    /** Gzip is recognised by its magic bytes, so the media type (OCI or Docker) does not matter. */
    private static InputStream decompressed(BufferedInputStream in, String what) throws IOException {
        in.mark(4);
        int b1 = in.read();
        int b2 = in.read();
        int b3 = in.read();
        int b4 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new GZIPInputStream(in, 64 * 1024);
        }
        if (b1 == 0x28 && b2 == 0xb5 && b3 == 0x2f && b4 == 0xfd) {
            throw new IllegalStateException(what + " is zstd-compressed, which the image comparator does not read");
        }
        return in;
    }

    private static FileEntry entry(TarArchiveEntry e, InputStream content) throws IOException {
        FileEntry.Type type;
        if (e.isSymbolicLink()) {
            type = FileEntry.Type.SYMLINK;
        } else if (e.isLink()) {
            type = FileEntry.Type.HARDLINK;
        } else if (e.isDirectory()) {
            type = FileEntry.Type.DIRECTORY;
        } else if (e.isFile()) {
            type = FileEntry.Type.FILE;
        } else {
            type = FileEntry.Type.OTHER;
        }
        String digest = type == FileEntry.Type.FILE ? sha256(content) : null;
        String link = type == FileEntry.Type.SYMLINK || type == FileEntry.Type.HARDLINK ? e.getLinkName() : null;
        return new FileEntry(normalize(e.getName()), type, e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(),
                type == FileEntry.Type.FILE ? e.getSize() : 0, e.getLastModifiedTime().toInstant(), link, digest);
    }

    /** {@code ./app/x/}, {@code app/x} and {@code /app/x} are the same path in a container. */
    static String normalize(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return "/" + n;
    }

    private static String sha256(InputStream in) throws IOException {
        return Digest.sha256(in).toString();
    }
}
