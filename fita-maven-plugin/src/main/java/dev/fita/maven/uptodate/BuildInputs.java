package dev.fita.maven.uptodate;

import dev.fita.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs of a build as lines of text ({@code kind value}), and their digest. Files count by path,
 * size and modification time, as Jib's own layer cache counts them (a file whose content changes gets a
 * new time); small ones whose path may stay while their content changes elsewhere (service.json) count by
 * their content. Directories count by every file under them.
 */
public final class BuildInputs {
    private final List<String> lines = new ArrayList<>();

    /** A value, e.g. a property or the plugin's version. */
    public BuildInputs add(String kind, String value) {
        lines.add(kind + " " + value);
        return this;
    }

    /** A file or, for a directory, every file under it (relative path, size, time); a missing one as missing. */
    public BuildInputs addFiles(String kind, Path path) {
        if (path == null) {
            return add(kind, "none");
        }
        if (!Files.exists(path)) {
            return add(kind, path + " missing");
        }
        if (!Files.isDirectory(path)) {
            return add(kind, path + " " + stat(path));
        }
        add(kind, path + " directory");
        try (Stream<Path> walk = Files.walk(path)) {
            walk.filter(Files::isRegularFile).map(p -> path.relativize(p).toString().replace('\\', '/') + " " + stat(p))
                    .sorted().forEach(line -> add(kind + "-file", line));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** A file by its content's digest. */
    public BuildInputs addContent(String kind, Path file) {
        if (file == null) {
            return add(kind, "none");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return add(kind, file + " " + Digest.sha256(in));
        } catch (NoSuchFileException e) {
            return add(kind, file + " missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** sha256 of the lines. */
    public Digest digest() {
        return combine(lines.toArray(String[]::new));
    }

    /** sha256 of these lines, e.g. the project's inputs digest and the base image's identity. */
    public static Digest combine(String... lines) {
        MessageDigest md = Digest.messageDigest("sha256");
        for (String line : lines) {
            md.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Digest.from("sha256", md.digest());
    }

    private static String stat(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + " " + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + file + ": " + e.getMessage(), e);
        }
    }
}
