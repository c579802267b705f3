package dev.fita.oci.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import dev.fita.oci.Annotations;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.layout.OciLayout;

/**
 * Builds small synthetic images for tests: the tree of BRIEF.md (linux/amd64, linux/arm64 and the
 * zephyr/arm/v7 embServe artifact under one OCI image index) in an OCI image layout. Everything
 * is deterministic, so the same call always gives the same digests.
 */
public final class TestImages {

    public static final Platform LINUX_AMD64 = Platform.parse("linux/amd64");
    public static final Platform LINUX_ARM64 = Platform.parse("linux/arm64");
    public static final Platform LINUX_ARM_V7 = Platform.parse("linux/arm/v7");
    public static final Platform ZEPHYR_ARM_V7 = Platform.parse("zephyr/arm/v7");
    public static final String SERVICE_JSON_TITLE = "service.json";
    /** The config of the embServe artifact, as oras-go reads the platform from it. */
    public static final String ZEPHYR_CONFIG = "{\"architecture\":\"arm\",\"os\":\"zephyr\",\"variant\":\"v7\"}";

    private TestImages() {}

    /** What {@link #writeMultiPlatform} wrote: the layout, the index under {@code refName} and its three entries. */
    public record MultiPlatformImage(
            OciLayout layout, String refName, Descriptor index,
            Descriptor amd64, Descriptor arm64, Descriptor zephyr, byte[] serviceJson) {

        /** The index entries in order: linux/amd64, linux/arm64, zephyr/arm/v7. */
        public List<Descriptor> manifests() {
            return List.of(amd64, arm64, zephyr);
        }
    }

    /**
     * Creates an OCI image layout in {@code dir} holding an OCI image index (tagged {@code refName})
     * with linux/amd64, linux/arm64 and zephyr/arm/v7 entries, like BRIEF.md's tree.
     */
    public static MultiPlatformImage writeMultiPlatform(Path dir, String refName) {
        OciLayout layout = OciLayout.create(dir);
        byte[] service = serviceJson();
        Descriptor amd64 = writeLinuxImage(layout, LINUX_AMD64);
        Descriptor arm64 = writeLinuxImage(layout, LINUX_ARM64);
        Descriptor zephyr = writeServiceArtifact(layout, service);
        ImageIndex index = ImageIndex.oci(List.of(amd64, arm64, zephyr), null);
        Descriptor indexDescriptor = layout.writeBlob(MediaTypes.OCI_INDEX, index.toJson());
        layout.tag(indexDescriptor, List.of(refName));
        return new MultiPlatformImage(layout, refName, indexDescriptor, amd64, arm64, zephyr, service);
    }

    /**
     * Writes a one-layer linux image whose layer holds {@link #helloFileName(Platform)}; returns
     * the manifest's descriptor carrying {@code platform}.
     */
    public static Descriptor writeLinuxImage(OciLayout layout, Platform platform) {
        return writeLinuxImage(layout, platform, Map.of(helloFileName(platform), helloContent(platform)));
    }

    /** Writes a one-layer linux image whose gzip layer holds {@code files}; returns its descriptor with the platform. */
    public static Descriptor writeLinuxImage(OciLayout layout, Platform platform, Map<String, byte[]> files) {
        byte[] tar = tar(files);
        Descriptor layer = layout.writeBlob(MediaTypes.OCI_LAYER_GZIP, gzip(tar));
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("type", "layers");
        rootfs.put("diff_ids", List.of(Digest.sha256(tar).toString()));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architecture", platform.architecture());
        config.put("os", platform.os());
        if (platform.variant() != null) {
            config.put("variant", platform.variant());
        }
        config.put("config", Map.of("Env", List.of("PATH=/usr/local/bin:/usr/bin:/bin")));
        config.put("rootfs", rootfs);
        Descriptor configDescriptor = layout.writeBlob(MediaTypes.OCI_CONFIG, Json.write(config));
        ImageManifest manifest = ImageManifest.oci(configDescriptor, List.of(layer), null);
        return layout.writeBlob(MediaTypes.OCI_MANIFEST, manifest.toJson()).withPlatform(platform);
    }

    /** Writes one {@link #writeLinuxImage} per platform under an OCI index; returns the index's descriptor. */
    public static Descriptor writeLinuxIndex(OciLayout layout, Platform... platforms) {
        List<Descriptor> entries = new ArrayList<>();
        for (Platform platform : platforms) {
            entries.add(writeLinuxImage(layout, platform));
        }
        return layout.writeBlob(MediaTypes.OCI_INDEX, ImageIndex.oci(entries, null).toJson());
    }

    /** Writes one {@link #writeLinuxImage(OciLayout, Platform, Map)} per platform, in map order, under an OCI index. */
    public static Descriptor writeLinuxIndex(OciLayout layout, Map<Platform, Map<String, byte[]>> filesByPlatform) {
        List<Descriptor> entries = new ArrayList<>();
        filesByPlatform.forEach((platform, files) -> entries.add(writeLinuxImage(layout, platform, files)));
        return layout.writeBlob(MediaTypes.OCI_INDEX, ImageIndex.oci(entries, null).toJson());
    }

    /** What {@link #writeSmallImage} wrote: the root index and its blobs (linux config, linux layer, zephyr config, service.json). */
    public record SmallImage(OciLayout layout, Descriptor root, List<Descriptor> blobs) {
        public byte[] rootBytes() {
            return layout.readBlob(root);
        }
    }

    /**
     * An OCI index with a linux/amd64 image (config + one uncompressed layer) and the zephyr/arm/v7
     * embServe artifact, tagged {@code salt}; {@code salt} makes every blob but the zephyr config unique,
     * so tests sharing a registry do not find each other's content.
     */
    public static SmallImage writeSmallImage(Path dir, String salt) {
        OciLayout layout = OciLayout.create(dir);
        Descriptor linuxConfig = layout.writeBlob(MediaTypes.OCI_CONFIG,
                ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"salt\":\"" + salt + "\"}").getBytes(StandardCharsets.UTF_8));
        Descriptor linuxLayer = layout.writeBlob(MediaTypes.OCI_LAYER, ("layer bytes " + salt).getBytes(StandardCharsets.UTF_8));
        Descriptor linux = layout.writeBlob(MediaTypes.OCI_MANIFEST,
                ImageManifest.oci(linuxConfig, List.of(linuxLayer), null).toJson()).withPlatform(LINUX_AMD64);
        Descriptor zConfig = layout.writeBlob(MediaTypes.OCI_CONFIG, ZEPHYR_CONFIG.getBytes(StandardCharsets.UTF_8));
        byte[] service = new String(serviceJson(), StandardCharsets.UTF_8).replace("temperature-sensor", "ts-" + salt)
                .getBytes(StandardCharsets.UTF_8);
        Descriptor zLayer = layout.writeBlob(MediaTypes.EMBSERVE_SERVICE, service)
                .withAnnotation(Annotations.TITLE, SERVICE_JSON_TITLE);
        Descriptor zephyr = layout.writeBlob(MediaTypes.OCI_MANIFEST, ImageManifest.oci(zConfig, List.of(zLayer),
                Map.of(Annotations.CREATED, "2026-01-01T00:00:00Z")).toJson()).withPlatform(ZEPHYR_ARM_V7);
        Descriptor root = layout.writeBlob(MediaTypes.OCI_INDEX, ImageIndex.oci(List.of(linux, zephyr), null).toJson());
        layout.tag(root, List.of(salt));
        return new SmallImage(layout, root, List.of(linuxConfig, linuxLayer, zConfig, zLayer));
    }

    /**
     * Writes the embServe artifact as {@code oras push --config …} shapes it: config
     * {@link #ZEPHYR_CONFIG}, one {@code application/vnd.embserve.v1+json} layer titled
     * {@code service.json}; returns the manifest's descriptor carrying zephyr/arm/v7.
     */
    public static Descriptor writeServiceArtifact(OciLayout layout, byte[] serviceJson) {
        Descriptor config = layout.writeBlob(MediaTypes.OCI_CONFIG, ZEPHYR_CONFIG.getBytes(StandardCharsets.UTF_8));
        Descriptor layer = layout.writeBlob(MediaTypes.EMBSERVE_SERVICE, serviceJson)
                .withAnnotation(Annotations.TITLE, SERVICE_JSON_TITLE);
        ImageManifest manifest = ImageManifest.oci(config, List.of(layer), null);
        return layout.writeBlob(MediaTypes.OCI_MANIFEST, manifest.toJson()).withPlatform(ZEPHYR_ARM_V7);
    }

    /**
     * A valid embServe service.json with a small base64 payload, formatted by hand (indentation,
     * trailing newline) so a test notices if anything re-serializes it.
     */
    public static byte[] serviceJson() {
        String module = Base64.getEncoder().encodeToString(
                "\0asm\1\0\0\0 synthetic service module for tests".getBytes(StandardCharsets.ISO_8859_1));
        String json = "{\n"
                + "  \"name\": \"temperature-sensor\",\n"
                + "  \"version\": 1,\n"
                + "  \"data_model\": [\"temperature\"],\n"
                + "  \"service\": \"" + module + "\",\n"
                + "  \"dependencies\": {\"sdk_api\": 1},\n"
                + "  \"inputs\": [],\n"
                + "  \"outputs\": [\n"
                + "    {\"key\": \"temperature\", \"type\": 1, \"data_model_mapping\": [\"temperature\"]}\n"
                + "  ]\n"
                + "}\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code hello-<architecture>.txt}, the one file in a linux test image. */
    public static String helloFileName(Platform platform) {
        return "hello-" + platform.architecture() + ".txt";
    }

    public static byte[] helloContent(Platform platform) {
        return ("hello from " + platform + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A deterministic uncompressed tar of regular files (sorted by name, mtime 0, root-owned, 0644),
     * each parent directory an entry of its own (0755) before the files in it, as real layers have.
     */
    public static byte[] tar(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            java.util.Set<String> dirs = new java.util.TreeSet<>();
            for (String name : files.keySet()) {
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    dirs.add(name.substring(0, slash + 1));
                }
            }
            for (String dir : dirs) {
                TarArchiveEntry entry = new TarArchiveEntry(dir);
                entry.setMode(040755);
                entry.setModTime(0L);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
            for (String name : new java.util.TreeSet<>(files.keySet())) {
                byte[] content = files.get(name);
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(content.length);
                entry.setMode(0100644);
                entry.setModTime(0L);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
