package dev.fita.maven.it.diff;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One tar entry of a layer as a container runtime sees it: what is compared between two images.
 * {@code path} is absolute and without a trailing slash; {@code size} and {@code contentDigest}
 * are only set for regular files, {@code linkTarget} only for links.
 */
record FileEntry(String path, Type type, int mode, long uid, long gid, long size, Instant mtime,
        String linkTarget, String contentDigest) {

    enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER }

    FileEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mtime, "mtime");
    }

    /** The attributes by name, in a fixed order, for a field-by-field comparison. */
    Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("type", type.name().toLowerCase(java.util.Locale.ROOT));
        a.put("mode", String.format("%04o", mode));
        a.put("uid", Long.toString(uid));
        a.put("gid", Long.toString(gid));
        a.put("size", type == Type.FILE ? Long.toString(size) : "-");
        a.put("mtime", mtime.toString());
        a.put("link", linkTarget == null ? "-" : linkTarget);
        a.put("content", contentDigest == null ? "-" : contentDigest);
        return a;
    }

    /** One line, e.g. {@code file 0644 0:0 12 B 1970-01-01T00:00:01Z sha256:ab12cd34ef56}. */
    String describe() {
        StringBuilder s = new StringBuilder(type.name().toLowerCase(java.util.Locale.ROOT))
                .append(' ').append(String.format("%04o", mode)).append(' ').append(uid).append(':').append(gid);
        if (type == Type.FILE) {
            s.append(' ').append(size).append(" B");
        }
        s.append(' ').append(mtime);
        if (linkTarget != null) {
            s.append(" -> ").append(linkTarget);
        }
        if (contentDigest != null) {
            s.append(' ').append(contentDigest, 0, Math.min(contentDigest.length(), 19));
        }
        return s.toString();
    }
}
