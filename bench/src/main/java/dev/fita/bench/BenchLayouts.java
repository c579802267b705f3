package dev.fita.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.testing.TestImages;

/**
 * Writes benchmark layouts: linux images whose layers are valid tar+gzip holding one file of random
 * bytes (gzip level 0, so the layer is as incompressible as its content and cheap to generate),
 * plus the embServe entry under zephyr/arm/v7, all under one index tagged {@link #TAG}.
 */
final class BenchLayouts {

    static final String TAG = "bench";
    private static final long MIB = 1024L * 1024;

    private BenchLayouts() {}

    /**
     * linux/amd64 and linux/arm64 with the given layer sizes (MiB) each, different random content per
     * platform and layer, plus zephyr/arm/v7; returns the index descriptor.
     */
    static Descriptor write(Path dir, List<Integer> layerMiBPerPlatform, long seed) {
        return write(dir, layerMiBPerPlatform, seed, true);
    }

    /** A linux/amd64 + linux/arm64 base image for the end-to-end benchmarks (no embServe entry). */
    static Descriptor writeBase(Path dir, List<Integer> layerMiBPerPlatform, long seed) {
        return writeBase(dir, List.of(TestImages.LINUX_AMD64, TestImages.LINUX_ARM64), layerMiBPerPlatform, seed);
    }

    /** A base image with the given linux platforms (no embServe entry). */
    static Descriptor writeBase(Path dir, List<Platform> platforms, List<Integer> layerMiBPerPlatform, long seed) {
        return write(dir, platforms, layerMiBPerPlatform, seed, false);
    }

    private static Descriptor write(Path dir, List<Integer> layerMiBPerPlatform, long seed, boolean embServe) {
        return write(dir, List.of(TestImages.LINUX_AMD64, TestImages.LINUX_ARM64), layerMiBPerPlatform, seed, embServe);
    }

    private static Descriptor write(Path dir, List<Platform> platforms, List<Integer> layerMiBPerPlatform, long seed,
            boolean embServe) {
        OciLayout layout = OciLayout.create(dir);
        SplittableRandom random = new SplittableRandom(seed);
        List<Descriptor> entries = new ArrayList<>();
        for (Platform p : platforms) {
            entries.add(linuxImage(layout, p, layerMiBPerPlatform, random.split()));
        }
        if (embServe) {
            entries.add(TestImages.writeServiceArtifact(layout, TestImages.serviceJson()));
        }
        Descriptor index = layout.writeBlob(MediaTypes.OCI_INDEX, ImageIndex.oci(entries, null).toJson());
        layout.tag(index, List.of(TAG));
        return index;
    }

    /** One linux/amd64 image with a single layer of {@code mib} MiB (the memory benchmark). */
    static Descriptor writeSingleLayer(Path dir, int mib, long seed) {
        OciLayout layout = OciLayout.create(dir);
        Descriptor image = linuxImage(layout, TestImages.LINUX_AMD64, List.of(mib), new SplittableRandom(seed));
        Descriptor index = layout.writeBlob(MediaTypes.OCI_INDEX, ImageIndex.oci(List.of(image), null).toJson());
        layout.tag(index, List.of(TAG));
        return index;
    }

    private static Descriptor linuxImage(OciLayout layout, Platform platform, List<Integer> layerMiB,
            SplittableRandom random) {
        List<Descriptor> layers = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        int i = 0;
        for (int mib : layerMiB) {
            Layer layer = randomLayer(layout, "layer-" + i++ + ".bin", mib * MIB, random.split());
            layers.add(layer.descriptor());
            diffIds.add(layer.diffId().toString());
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architecture", platform.architecture());
        config.put("os", platform.os());
        if (platform.variant() != null) {
            config.put("variant", platform.variant());
        }
        config.put("config", Map.of("Env", List.of("PATH=/usr/local/bin:/usr/bin:/bin")));
        config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
        Descriptor cfg = layout.writeBlob(MediaTypes.OCI_CONFIG, Json.write(config));
        ImageManifest manifest = ImageManifest.oci(cfg, layers, null);
        return layout.writeBlob(MediaTypes.OCI_MANIFEST, manifest.toJson()).withPlatform(platform);
    }

    private record Layer(Descriptor descriptor, Digest diffId) {
    }

    /** Streams tar → (diff_id digest) → gzip level 0 → the layout, through a pipe, never in memory. */
    private static Layer randomLayer(OciLayout layout, String name, long size, SplittableRandom random) {
        MessageDigest diff = Digest.messageDigest("sha256");
        try (PipedInputStream in = new PipedInputStream(1 << 20)) {
            PipedOutputStream pipe = new PipedOutputStream(in);
            CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
                try (OutputStream gz = new StoredGzip(pipe);
                        TarArchiveOutputStream tar = new TarArchiveOutputStream(new DigestOutputStream(gz, diff))) {
                    TarArchiveEntry e = new TarArchiveEntry(name);
                    e.setSize(size);
                    e.setMode(0100644);
                    e.setModTime(0L);
                    tar.putArchiveEntry(e);
                    byte[] buf = new byte[1 << 20];
                    for (long left = size; left > 0; ) {
                        random.nextBytes(buf);
                        int n = (int) Math.min(buf.length, left);
                        tar.write(buf, 0, n);
                        left -= n;
                    }
                    tar.closeArchiveEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Descriptor d = layout.writeBlob(MediaTypes.OCI_LAYER_GZIP, in);
            producer.join();
            return new Layer(d, Digest.from("sha256", diff.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** gzip without compression: random data does not shrink, and level 0 costs no CPU. */
    private static final class StoredGzip extends GZIPOutputStream {
        StoredGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.NO_COMPRESSION);
        }
    }
}
