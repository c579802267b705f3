package dev.fita.oci.layout;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.fita.oci.Annotations;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.InvalidDigestException;
import dev.fita.oci.InvalidDocumentException;
import dev.fita.oci.Json;

/** A layout's {@code index.json}: its entries, each tag an entry with {@code org.opencontainers.image.ref.name}. */
final class IndexFile {

    static final String NAME = "index.json";

    /** The OCI image-spec grammar of {@code org.opencontainers.image.ref.name}. */
    private static final Pattern REF_NAME = Pattern.compile(
            "[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*");

    private final Path root;

    IndexFile(Path root) {
        this.root = root;
    }

    Path path() {
        return root.resolve(NAME);
    }

    ImageIndex read() {
        byte[] bytes;
        try {
            bytes = readSmallFile(path());
        } catch (NoSuchFileException e) {
            throw new LayoutException(root + " is not an OCI image layout: it has no " + NAME + " file", e);
        } catch (IOException e) {
            throw new LayoutException("cannot read " + path() + ": " + e, e);
        }
        return Json.read(bytes, ImageIndex.class, path().toString());
    }

    void write(ImageIndex index) {
        try {
            writeAtomically(root, path(), index.toJson());
        } catch (IOException e) {
            throw new LayoutException("cannot write " + path() + ": " + e, e);
        }
    }

    /** The entry named {@code reference}, or, when it is a digest, the first entry of that digest. */
    Optional<Descriptor> find(String reference) {
        Digest digest = asDigest(reference);
        for (Descriptor entry : read().manifests()) {
            if (reference.equals(entry.annotations().get(Annotations.REF_NAME))
                    || (digest != null && digest.equals(entry.digest()))) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    RefNotFoundException notFound(String refName) {
        Set<String> known = new LinkedHashSet<>();
        for (Descriptor entry : read().manifests()) {
            String name = entry.annotations().get(Annotations.REF_NAME);
            if (name != null) {
                known.add(name);
            }
        }
        return new RefNotFoundException(refName, "reference '" + refName + "' is not in the OCI image layout " + root
                + (known.isEmpty() ? " (its index.json names no references)" : " (known: " + String.join(", ", known) + ")"));
    }

    static void checkName(String name) {
        if (name == null || !REF_NAME.matcher(name).matches()) {
            throw new LayoutException("'" + name + "' is not a valid OCI image layout reference name"
                    + " (letters and digits separated by '-', '.', '_', ':', '@', '+' or '/')");
        }
    }

    /** One entry per name pointing at {@code target}; an entry of the same name is replaced. */
    void tag(Descriptor target, List<String> refNames) {
        refNames.forEach(IndexFile::checkName);
        ImageIndex index = read();
        List<Descriptor> entries = new ArrayList<>();
        for (Descriptor entry : index.manifests()) {
            if (!refNames.contains(entry.annotations().get(Annotations.REF_NAME))) {
                entries.add(entry);
            }
        }
        for (String name : new LinkedHashSet<>(refNames)) {
            entries.add(target.withAnnotation(Annotations.REF_NAME, name));
        }
        write(index.withManifests(entries));
    }

    private static Digest asDigest(String reference) {
        if (!reference.contains(":")) {
            return null;
        }
        try {
            return Digest.parse(reference);
        } catch (InvalidDigestException e) {
            return null; // a ref name with a colon, such as example.com/app:1
        }
    }

    /** Writes {@code target} through a temp file in {@code dir} and an atomic rename. */
    static void writeAtomically(Path dir, Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(dir, OciLayout.TEMP_PREFIX, "");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static byte[] readSmallFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Json.MAX_DOCUMENT_BYTES) {
            throw new InvalidDocumentException(file + " is " + size + " bytes, more than the "
                    + Json.MAX_DOCUMENT_BYTES + "-byte limit");
        }
        return Files.readAllBytes(file);
    }
}
