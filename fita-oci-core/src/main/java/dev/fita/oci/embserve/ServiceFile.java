package dev.fita.oci.embserve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validated embServe {@code service.json}. {@code bytes} are the file exactly as on disk: they
 * become the artifact's layer unchanged, so the device gets what the user wrote. {@code warnings}
 * are sentences (naming the file and field) about content that is allowed but probably unintended,
 * such as a field embServe does not know; the caller shows them.
 */
public record ServiceFile(Path path, byte[] bytes, String name, long version, List<String> warnings) {

    public ServiceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        bytes = bytes.clone();
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Reads and validates the file; every problem is an {@link InvalidServiceException}. */
    public static ServiceFile load(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidServiceException(path + " does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidServiceException(path + " is not a regular file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InvalidServiceException(path + " does not exist", e);
        } catch (IOException e) {
            throw new InvalidServiceException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return parse(path, bytes);
    }

    /** Validates {@code bytes}; {@code pathForMessages} names the file in errors and is kept as {@link #path()}. */
    public static ServiceFile parse(Path pathForMessages, byte[] bytes) {
        String file = String.valueOf(pathForMessages);
        ObjectNode root = JsonSource.readObject(bytes, file, InvalidServiceException::new);
        ServiceRules.Checked checked = new ServiceRules(file).check(root);
        return new ServiceFile(pathForMessages, bytes, checked.name(), checked.version(), checked.warnings());
    }

    /** A copy of the file's bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceFile other && path.equals(other.path) && Arrays.equals(bytes, other.bytes)
                && Objects.equals(name, other.name) && version == other.version && warnings.equals(other.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(bytes), name, version, warnings);
    }

    @Override
    public String toString() {
        return "ServiceFile[" + path + ", " + bytes.length + " bytes, name=" + name + ", version=" + version
                + ", " + warnings.size() + " warnings]";
    }
}
