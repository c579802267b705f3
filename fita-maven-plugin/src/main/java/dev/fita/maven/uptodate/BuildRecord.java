package dev.fita.maven.uptodate;

import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.image.BuiltImage;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.layout.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code target/fita/build-inputs.properties}: what the last finished build was made of and what it
 * left — the digest of the project's inputs, the base image's digest (or other identity), every blob
 * of the layout with its size, and the digests of the small files that
 * name the result (the layout's index.json, image.json, image.digest, Jib's output files; the archive,
 * when configured, by size and time). Checking it takes a stat per blob and reading those few small
 * files, nothing else. Written last by a build that
 * finished; removed first by one that starts.
 */
public record BuildRecord(String inputs, String base, List<String> blobs, Map<Path, String> files) {
    private static final String NAME = "build-inputs.properties";
    private static final long SMALL = 1024 * 1024;

    public BuildRecord {
        blobs = List.copyOf(blobs);
        files = Map.copyOf(files);
    }

    /** The record of a build that just finished: the index {@code root} in the layout and the files it wrote. */
    public static BuildRecord of(String inputs, String base, FitaSettings settings, OciLayout layout, Descriptor root) {
        List<String> blobs = new ArrayList<>();
        blobs.add(root.digest() + " " + root.size());
        for (Descriptor entry : ImageIndex.fromJson(layout.readBlob(plain(root))).manifests()) {
            blobs.add(entry.digest() + " " + entry.size());
            ImageManifest manifest = ImageManifest.fromJson(layout.readBlob(plain(entry)));
            blobs.add(manifest.config().digest() + " " + manifest.config().size());
            manifest.layers().forEach(layer -> blobs.add(layer.digest() + " " + layer.size()));
        }
        Map<Path, String> files = new LinkedHashMap<>();
        for (Path file : resultFiles(settings)) {
            files.put(file, identity(file).orElseThrow(() -> new IllegalStateException(file + " was not written")));
        }
        return new BuildRecord(inputs, base, blobs.stream().distinct().toList(), files);
    }

    /**
     * After a finished build: writes the record the next check compares with, when the inputs and the base
     * image are known (the base from its reference, or the digest jib-core pulled; an offline build of a
     * tag leaves none, so the next build runs too).
     */
    public static void afterBuild(FitaSettings settings, String inputsOrNull, String pulledDigestOrNull)
            throws IOException {
        Optional<String> base = BaseImageDigest.ofReference(settings.from().image())
                .or(() -> Optional.ofNullable(pulledDigestOrNull).map(BaseImageDigest::ofPulled));
        if (inputsOrNull != null && base.isPresent()) {
            BuiltImage built = BuiltImage.find(settings, null, "");
            of(inputsOrNull, base.get(), settings, built.layout(), built.root()).write(settings.outputDirectory());
        }
    }

    /** The record in the output directory; empty when there is none or it cannot be read (then the build runs). */
    public static Optional<BuildRecord> read(Path outputDirectory) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(outputDirectory.resolve(NAME))) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        List<String> blobs = new ArrayList<>();
        Map<Path, String> files = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("blob.")) {
                blobs.add(p.getProperty(key));
            } else if (key.startsWith("file.")) {
                files.put(Path.of(key.substring("file.".length())), p.getProperty(key));
            }
        }
        String inputs = p.getProperty("inputs");
        String base = p.getProperty("base");
        return inputs == null || base == null || blobs.isEmpty() ? Optional.empty()
                : Optional.of(new BuildRecord(inputs, base, blobs, files));
    }

    public void write(Path outputDirectory) throws IOException {
        Properties p = new SortedProperties();
        p.setProperty("inputs", inputs);
        p.setProperty("base", base);
        for (int i = 0; i < blobs.size(); i++) {
            p.setProperty(String.format(java.util.Locale.ROOT, "blob.%03d", i), blobs.get(i));
        }
        files.forEach((file, digest) -> p.setProperty("file." + file, digest));
        Files.createDirectories(outputDirectory);
        try (OutputStream out = Files.newOutputStream(outputDirectory.resolve(NAME))) {
            p.store(out, "fita:build's up-to-date record; delete it to force a build");
        }
    }

    public static void delete(Path outputDirectory) throws IOException {
        Files.deleteIfExists(outputDirectory.resolve(NAME));
    }

    /** Why the output this record describes is not there as it was left, or empty when it is. */
    public Optional<String> missingFrom(Path layoutDirectory) {
        for (String blob : blobs) {
            String[] parts = blob.split(" ");
            Digest digest = Digest.parse(parts[0]);
            Path file = layoutDirectory.resolve("blobs").resolve(digest.algorithm()).resolve(digest.encoded());
            try {
                if (Files.size(file) != Long.parseLong(parts[1])) {
                    return Optional.of("blob " + digest + " changed");
                }
            } catch (IOException e) {
                return Optional.of("blob " + digest + " is missing");
            }
        }
        for (Map.Entry<Path, String> file : files.entrySet()) {
            if (!identity(file.getKey()).map(file.getValue()::equals).orElse(false)) {
                return Optional.of(file.getKey() + " changed or is missing");
            }
        }
        return Optional.empty();
    }

    /** The layout's index.json and oci-layout, image.json, image.digest, Jib's output files and the archive. */
    static List<Path> resultFiles(FitaSettings settings) {
        List<Path> files = new ArrayList<>(List.of(settings.layoutDirectory().resolve("index.json"),
                settings.layoutDirectory().resolve("oci-layout"), settings.imageJson(), settings.imageDigest(),
                settings.outputPaths().digest(), settings.outputPaths().imageId(), settings.outputPaths().imageJson()));
        if (settings.outputPaths().tarOrNull() != null) {
            files.add(settings.outputPaths().tarOrNull());
        }
        return files.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    }

    /** A small file by its content's digest; a large one (the archive) by its size and time. */
    private static Optional<String> identity(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.size() > SMALL) {
                return Optional.of(attributes.size() + " " + attributes.lastModifiedTime().toMillis());
            }
            try (InputStream in = Files.newInputStream(file)) {
                return Optional.of(Digest.sha256(in).toString());
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Written in key order, so that the file reads (and diffs) well. */
    private static final class SortedProperties extends Properties {
        private static final long serialVersionUID = 1L;

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            Set<Map.Entry<Object, Object>> sorted = new TreeSet<>(Comparator.comparing(e -> e.getKey().toString()));
            sorted.addAll(super.entrySet());
            return sorted;
        }
    }

    private static Descriptor plain(Descriptor d) {
        return new Descriptor(d.mediaType(), d.digest(), d.size());
    }
}
