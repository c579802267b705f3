package dev.fita.maven.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the ITs' base image as an OCI image layout tagged {@code 1}: an OCI image index with
 * linux/amd64 and linux/arm64, each one tiny layer holding {@code /etc/fita-base-arch} (the
 * architecture). There is no Docker Hub on the test machine, so Jib pulls this from the IT registry;
 * the marker file lets a test see that each platform got its own base layer.
 */
final class TinyBaseImage {

    static final String TAG = "1";
    static final String MARKER = "etc/fita-base-arch";
    static final List<String> ARCHITECTURES = List.of("amd64", "arm64");

    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    private static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

    private TinyBaseImage() {}

    static void write(Path layout) {
        try {
            Files.createDirectories(layout.resolve("blobs/sha256"));
            Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            List<String> entries = new ArrayList<>();
            for (String arch : ARCHITECTURES) {
                byte[] tar = tar(MARKER, (arch + "\n").getBytes(StandardCharsets.UTF_8));
                String layer = blob(layout, OCI_LAYER, gzip(tar));
                String config = blob(layout, OCI_CONFIG, ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\","
                        + "\"config\":{\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"]},"
                        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + digest(tar) + "\"]}}")
                        .getBytes(StandardCharsets.UTF_8));
                String manifest = blob(layout, OCI_MANIFEST, ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST
                        + "\",\"config\":" + config + ",\"layers\":[" + layer + "]}").getBytes(StandardCharsets.UTF_8));
                entries.add(manifest.substring(0, manifest.length() - 1)
                        + ",\"platform\":{\"architecture\":\"" + arch + "\",\"os\":\"linux\"}}");
            }
            String index = blob(layout, OCI_INDEX, ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX
                    + "\",\"manifests\":[" + String.join(",", entries) + "]}").getBytes(StandardCharsets.UTF_8));
            Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":["
                    + index.substring(0, index.length() - 1)
                    + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + TAG + "\"}}]}");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the IT base image to " + layout, e);
        }
    }

    /** Stores a blob and returns its descriptor as JSON. */
    private static String blob(Path layout, String mediaType, byte[] content) throws IOException {
        String digest = digest(content);
        Files.write(layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length())), content);
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + content.length + "}";
    }

    private static String digest(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        }
        return out.toByteArray();
    }

    /** A ustar archive with the parent directory and one regular file; mtime 0, root-owned. */
    private static byte[] tar(String file, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String dir = file.substring(0, file.lastIndexOf('/') + 1);
        out.writeBytes(header(dir, 0, '5', 0755));
        out.writeBytes(header(file, content.length, '0', 0644));
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        out.writeBytes(new byte[1024]); // end-of-archive marker
        return out.toByteArray();
    }

    private static byte[] header(String name, long size, char type, int mode) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, octal(mode, 7));
        put(h, 108, octal(0, 7));
        put(h, 116, octal(0, 7));
        put(h, 124, octal(size, 11));
        put(h, 136, octal(0, 11));
        put(h, 148, "        ");
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, octal(sum, 6) + "\0 ");
        return h;
    }

    private static String octal(long value, int width) {
        return String.format("%0" + width + "o", value);
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
