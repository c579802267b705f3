package dev.fita.oci.layout;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.InvalidDigestException;
import dev.fita.oci.OciException;

/**
 * An OCI image layout as a tar archive (what {@code docker load}, jib-core's {@code TarImage} and
 * {@code skopeo copy oci-archive:} use). Export is deterministic; import treats the archive as
 * untrusted: no entry may land outside the target directory, no links or special files, and every
 * blob must hash to its file name.
 */
public final class LayoutTar {

    private static final String BLOBS_PREFIX = BlobFiles.BLOBS_DIR + "/";
    private static final long EPOCH = 0L;

    private LayoutTar() {}

    /**
     * Writes the layout as a tar: entries sorted by name, mtime 0, owner 0:0 with no names, mode
     * 0755 for directories and 0644 for files. The same layout always gives the same bytes.
     * In-progress {@code .tmp-} files are left out.
     */
    public static void export(OciLayout layout, Path tarFile) {
        Path root = layout.root();
        TreeMap<String, Path> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (path.equals(root) || path.getFileName().toString().startsWith(OciLayout.TEMP_PREFIX)) {
                    continue;
                }
                String name = tarName(root.relativize(path));
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(name + "/", path);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(name, path);
                } else {
                    throw new LayoutException("cannot export " + path + " to a tar: it is neither a regular file"
                            + " nor a directory");
                }
            }
        } catch (IOException e) {
            throw new LayoutException("cannot read the OCI image layout " + root + ": " + e, e);
        }

        Path parent = tarFile.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempFile(parent, OciLayout.TEMP_PREFIX, ".tar");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp));
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (var e : entries.entrySet()) {
                    boolean directory = e.getKey().endsWith("/");
                    TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                    entry.setModTime(EPOCH);
                    entry.setIds(0, 0);
                    entry.setNames("", "");
                    entry.setMode(directory ? 040755 : 0100644);
                    entry.setSize(directory ? 0 : Files.size(e.getValue()));
                    tar.putArchiveEntry(entry);
                    if (!directory) {
                        Files.copy(e.getValue(), tar);
                    }
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            Files.move(temp, tarFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LayoutException("cannot write the tar " + tarFile + ": " + e, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Unpacks a layout tar into {@code dir} (created if missing; a directory this call created is
     * removed again on failure). Files it does not know are kept; directory entries are accepted.
     */
    public static OciLayout importTar(Path tarFile, Path dir) {
        try (InputStream in = Files.newInputStream(tarFile)) {
            return importTar(in, dir, tarFile.toString());
        } catch (NoSuchFileException e) {
            throw new LayoutException("the tar " + tarFile + " does not exist", e);
        } catch (IOException e) {
            throw new LayoutException("cannot read the tar " + tarFile + ": " + e, e);
        }
    }

    /** As {@link #importTar(Path, Path)}, reading the tar from a stream that the caller closes. */
    public static OciLayout importTar(InputStream tar, Path dir) {
        return importTar(tar, dir, "the tar stream");
    }

    private static OciLayout importTar(InputStream in, Path dir, String tarName) {
        boolean created = !Files.exists(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LayoutException("cannot create " + dir + " to import " + tarName + ": " + e, e);
        }
        try {
            Path root = dir.toAbsolutePath().normalize();
            // oci-layout may come after the blobs in the tar, so write blobs before it is a layout
            OciLayout blobs = OciLayout.unchecked(root);
            TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(in));
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                importEntry(tar, entry, root, blobs, tarName);
            }
            try {
                OciLayout layout = OciLayout.open(dir);
                layout.readIndex();
                return layout;
            } catch (OciException e) {
                throw new LayoutException(tarName + " does not hold a valid OCI image layout: " + e.getMessage(), e);
            }
        } catch (IOException e) {
            cleanUp(created, dir);
            throw new LayoutException(tarName + " is not a readable tar archive: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            cleanUp(created, dir);
            throw e;
        }
    }

    private static void importEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path root, OciLayout blobs,
            String tarName) {
        String raw = entry.getName();
        String what = "entry '" + raw + "' of " + tarName;
        if (entry.isSymbolicLink()) {
            throw new LayoutException(what + " is a symbolic link, which an OCI image layout must not hold");
        }
        if (entry.isLink()) {
            throw new LayoutException(what + " is a hard link, which an OCI image layout must not hold");
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            throw new LayoutException(what + " is a device or FIFO, which an OCI image layout must not hold");
        }
        if (entry.isSparse()) {
            throw new LayoutException(what + " is a sparse file, which this importer does not support");
        }
        String name = safeName(raw, what);
        if (name.isEmpty()) {
            return; // "./": the target directory itself
        }
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new LayoutException(what + " would be written outside " + root);
        }
        if (entry.isDirectory()) {
            try {
                Files.createDirectories(target);
            } catch (IOException e) {
                throw new LayoutException(what + " cannot be imported to " + target + ": " + e.getMessage(), e);
            }
            return;
        }
        byte flag = entry.getLinkFlag();
        if (flag != TarConstants.LF_NORMAL && flag != TarConstants.LF_OLDNORM && flag != TarConstants.LF_CONTIG) {
            throw new LayoutException(what + " has tar type '" + (char) flag + "', but only regular files and"
                    + " directories are allowed");
        }
        if (name.startsWith(BLOBS_PREFIX)) {
            importBlob(tar, entry, name, blobs, what);
            return;
        }
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), OciLayout.TEMP_PREFIX, "");
            Files.copy(tar, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LayoutException(what + " cannot be imported to " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void importBlob(TarArchiveInputStream tar, TarArchiveEntry entry, String name, OciLayout layout,
            String what) {
        String[] parts = name.split("/");
        Digest digest;
        try {
            if (parts.length != 3) {
                throw new LayoutException("not blobs/<algorithm>/<hex>");
            }
            digest = new Digest(parts[1], parts[2]);
        } catch (OciException e) {
            throw new LayoutException(what + " is under blobs/ but its path is not blobs/<algorithm>/<hex>"
                    + " of a sha256 or sha512 digest", e);
        }
        try {
            layout.writeBlob(new Descriptor("application/octet-stream", digest, entry.getSize()), tar);
        } catch (InvalidDigestException e) {
            throw new LayoutException(what + " does not match its digest: " + e.getMessage(), e);
        } catch (LayoutException e) {
            throw new LayoutException(what + " cannot be imported: " + e.getMessage(), e);
        }
    }

    /**
     * The entry name with {@code ./} and empty segments dropped; refuses absolute names,
     * {@code ..} segments, backslashes and NULs, which could reach outside the target directory.
     */
    private static String safeName(String raw, String what) {
        if (raw.startsWith("/")) {
            throw new LayoutException(what + " has an absolute path");
        }
        if (raw.indexOf('\\') >= 0 || raw.indexOf('\0') >= 0) {
            throw new LayoutException(what + " has a backslash or NUL in its path");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : raw.split("/")) {
            if (segment.equals("..")) {
                throw new LayoutException(what + " has a '..' segment, which would reach outside the layout");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (segments.size() > 0 && segments.get(0).length() == 2 && segments.get(0).charAt(1) == ':') {
            throw new LayoutException(what + " names a drive");
        }
        return String.join("/", segments);
    }

    private static String tarName(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static void cleanUp(boolean created, Path dir) {
        if (!created) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(LayoutTar::deleteQuietly);
        } catch (IOException e) {
            // best effort: the caller gets the original error
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort
        }
    }
}
