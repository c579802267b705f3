package dev.fita.oci.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fita.oci.Annotations;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;

/** Writes small OCI image layouts for the registry tests: blobs under blobs/sha256 plus index.json. */
final class TestLayouts {

    static final byte[] SERVICE_JSON = ("{\"name\":\"temperature-sensor\",\"version\":1,\"data_model\":[],"
            + "\"service\":\"AGFzbQEAAAA=\",\"dependencies\":{\"sdk_api\":1},\"inputs\":[],\"outputs\":[]}")
            .getBytes(StandardCharsets.UTF_8);

    /** A layout and the descriptor of its root index. */
    record Layout(Path dir, Descriptor root, List<Descriptor> blobs) {
        ContentSource source() {
            return ContentSource.of(dir);
        }
    }

    private TestLayouts() {}

    /**
     * An index with a linux/amd64 image (config + one layer) and the zephyr/arm/v7 embServe artifact
     * (config + service.json titled layer). {@code salt} makes the content unique per test.
     */
    static Layout twoPlatforms(Path dir, String salt) {
        try {
            Files.createDirectories(dir.resolve("blobs/sha256"));
            List<Descriptor> blobs = new ArrayList<>();
            Descriptor linuxConfig = blob(dir, blobs, MediaTypes.OCI_CONFIG,
                    ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"salt\":\"" + salt + "\"}").getBytes(StandardCharsets.UTF_8));
            Descriptor linuxLayer = blob(dir, blobs, MediaTypes.OCI_LAYER, ("layer bytes " + salt).getBytes(StandardCharsets.UTF_8));
            Descriptor linux = manifest(dir, ImageManifest.oci(linuxConfig, List.of(linuxLayer), null))
                    .withPlatform(new Platform("linux", "amd64"));
            Descriptor zConfig = blob(dir, blobs, MediaTypes.OCI_CONFIG,
                    "{\"architecture\":\"arm\",\"os\":\"zephyr\",\"variant\":\"v7\"}".getBytes(StandardCharsets.UTF_8));
            byte[] service = new String(SERVICE_JSON, StandardCharsets.UTF_8).replace("temperature-sensor", "ts-" + salt)
                    .getBytes(StandardCharsets.UTF_8);
            Descriptor zLayer = blob(dir, blobs, MediaTypes.EMBSERVE_SERVICE, service)
                    .withAnnotation(Annotations.TITLE, "service.json");
            Descriptor zephyr = manifest(dir, ImageManifest.oci(zConfig, List.of(zLayer),
                    Map.of(Annotations.CREATED, "2026-01-01T00:00:00Z")))
                    .withPlatform(new Platform("zephyr", "arm", "v7"));
            byte[] indexBytes = ImageIndex.oci(List.of(linux, zephyr), null).toJson();
            Descriptor root = write(dir, MediaTypes.OCI_INDEX, indexBytes);
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            Files.write(dir.resolve("index.json"), ImageIndex.oci(List.of(root), null).toJson());
            return new Layout(dir, root, List.copyOf(blobs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Descriptor blob(Path dir, List<Descriptor> blobs, String mediaType, byte[] bytes) throws IOException {
        Descriptor d = write(dir, mediaType, bytes);
        blobs.add(d);
        return d;
    }

    private static Descriptor manifest(Path dir, ImageManifest m) throws IOException {
        return write(dir, MediaTypes.OCI_MANIFEST, m.toJson());
    }

    static Descriptor write(Path dir, String mediaType, byte[] bytes) throws IOException {
        Descriptor d = Descriptor.of(mediaType, bytes);
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.write(dir.resolve("blobs/sha256").resolve(d.digest().encoded()), bytes);
        return d;
    }
}
