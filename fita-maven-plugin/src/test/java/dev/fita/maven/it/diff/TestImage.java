package dev.fita.maven.it.diff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.testing.TestImages;

/**
 * A small multi-platform image for the comparator's tests, changed one detail at a time: per
 * platform a base layer (TestImages' hello file) and an app layer of the files given here, under
 * an OCI index (OCI types) or a Docker manifest list (Docker types, as Jib pushes by default).
 */
final class TestImage {

    record Entry(String path, byte type, int mode, Instant mtime, byte[] content, String link) {}

    private final Map<String, Entry> files = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Object> runtimeConfig = new LinkedHashMap<>();
    private List<String> entrypoint = List.of("java", "-cp", "@/app/jib-classpath-file", "org.example.Main");
    private String created = "1970-01-01T00:00:00Z";
    private List<Platform> platforms = List.of(TestImages.LINUX_AMD64, TestImages.LINUX_ARM64);
    private boolean docker;
    private boolean embServe;

    /** An image without files, environment or entrypoint: only the base layer. */
    static TestImage empty() {
        return new TestImage().entrypoint(null);
    }

    /** The image both sides start from: a directory, two files, a symlink; PATH and JAVA_OPTS. */
    static TestImage app() {
        Instant second = Instant.ofEpochSecond(1);
        return new TestImage()
                .file(new Entry("app", TarConstants.LF_DIR, 0755, second, null, null))
                .file(new Entry("app/classes/org/example/Main.class", TarConstants.LF_NORMAL, 0644, second,
                        "class bytes".getBytes(StandardCharsets.UTF_8), null))
                .file(new Entry("entrypoint.sh", TarConstants.LF_NORMAL, 0755, second,
                        "#!/bin/sh\nexec java \"$@\"\n".getBytes(StandardCharsets.UTF_8), null))
                .file(new Entry("app/current", TarConstants.LF_SYMLINK, 0777, second, null, "classes"))
                .env("PATH", "/usr/bin:/bin")
                .env("JAVA_OPTS", "-Xmx64m");
    }

    TestImage file(Entry e) {
        files.put(e.path(), e);
        return this;
    }

    TestImage without(String path) {
        files.remove(path);
        return this;
    }

    TestImage mode(String path, int mode) {
        Entry e = files.get(path);
        return file(new Entry(e.path(), e.type(), mode, e.mtime(), e.content(), e.link()));
    }

    TestImage mtime(String path, Instant mtime) {
        Entry e = files.get(path);
        return file(new Entry(e.path(), e.type(), e.mode(), mtime, e.content(), e.link()));
    }

    TestImage env(String name, String value) {
        env.put(name, value);
        return this;
    }

    TestImage entrypoint(List<String> value) {
        entrypoint = value;
        return this;
    }

    /** Another field of the config's {@code config} object, e.g. {@code Cmd} or {@code WorkingDir}. */
    TestImage config(String field, Object value) {
        runtimeConfig.put(field, value);
        return this;
    }

    TestImage created(String value) {
        created = value;
        return this;
    }

    TestImage platforms(Platform... value) {
        platforms = List.of(value);
        return this;
    }

    /** Docker media types and a Docker manifest list, as jib-maven-plugin pushes by default. */
    TestImage docker() {
        docker = true;
        return this;
    }

    /** Adds TestImages' zephyr/arm/v7 embServe artifact to the index, as fita does. */
    TestImage withEmbServe() {
        embServe = true;
        return this;
    }

    /** Writes the image into a layout under {@code dir} and pushes it to {@code reference}. */
    void push(Path dir, String reference) {
        OciLayout layout = OciLayout.create(dir);
        List<Descriptor> entries = new ArrayList<>();
        for (Platform p : platforms) {
            entries.add(writeImage(layout, p));
        }
        if (embServe) {
            entries.add(TestImages.writeServiceArtifact(layout, TestImages.serviceJson()));
        }
        Descriptor root;
        if (docker) {
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("schemaVersion", 2);
            list.put("mediaType", MediaTypes.DOCKER_MANIFEST_LIST);
            list.put("manifests", entries);
            root = layout.writeBlob(MediaTypes.DOCKER_MANIFEST_LIST, Json.write(list));
        } else {
            root = layout.writeBlob(MediaTypes.OCI_INDEX, ImageIndex.oci(entries, null).toJson());
        }
        RegistryClient client = RegistryClient.builder().allowInsecure(true).build();
        ImageReference ref = ImageReference.parse(reference);
        new GraphCopy().copy(layout, root, client.target(ref), List.of(ref.referenceOrTag()), null);
    }

    private Descriptor writeImage(OciLayout layout, Platform p) {
        // The base is the same for every variant of an architecture, as a base image's is.
        Platform arch = new Platform(p.os(), p.architecture());
        byte[] baseTar = TestImages.tar(Map.of(TestImages.helloFileName(arch), TestImages.helloContent(arch)));
        byte[] appTar = appTar();
        String layerType = docker ? MediaTypes.DOCKER_LAYER_GZIP : MediaTypes.OCI_LAYER_GZIP;
        Descriptor base = layout.writeBlob(layerType, TestImages.gzip(baseTar));
        Descriptor app = layout.writeBlob(layerType, TestImages.gzip(appTar));

        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("Env", env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (entrypoint != null) {
            runtime.put("Entrypoint", entrypoint);
        }
        runtime.putAll(runtimeConfig);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("created", created);
        config.put("architecture", p.architecture());
        config.put("os", p.os());
        if (p.variant() != null) {
            config.put("variant", p.variant());
        }
        config.put("config", runtime);
        config.put("rootfs", Map.of("type", "layers", "diff_ids",
                List.of(Digest.sha256(baseTar).toString(), Digest.sha256(appTar).toString())));
        Descriptor configBlob = layout.writeBlob(docker ? MediaTypes.DOCKER_CONFIG : MediaTypes.OCI_CONFIG,
                Json.write(config));
        byte[] manifest;
        if (docker) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("schemaVersion", 2);
            m.put("mediaType", MediaTypes.DOCKER_MANIFEST);
            m.put("config", configBlob);
            m.put("layers", List.of(base, app));
            manifest = Json.write(m);
        } else {
            manifest = ImageManifest.oci(configBlob, List.of(base, app), null).toJson();
        }
        return layout.writeBlob(docker ? MediaTypes.DOCKER_MANIFEST : MediaTypes.OCI_MANIFEST, manifest).withPlatform(p);
    }

    private byte[] appTar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry f : files.values()) {
                TarArchiveEntry e = new TarArchiveEntry(f.type() == TarConstants.LF_DIR ? f.path() + "/" : f.path(), f.type());
                e.setMode(f.mode());
                e.setModTime(f.mtime().toEpochMilli());
                if (f.link() != null) {
                    e.setLinkName(f.link());
                }
                if (f.content() != null) {
                    e.setSize(f.content().length);
                }
                tar.putArchiveEntry(e);
                if (f.content() != null) {
                    tar.write(f.content());
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
