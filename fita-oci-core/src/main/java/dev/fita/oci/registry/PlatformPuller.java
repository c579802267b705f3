package dev.fita.oci.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.fita.oci.Annotations;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.OciException;
import dev.fita.oci.Platform;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.content.MemoryStorage;
import dev.fita.oci.content.OverlayStorage;
import dev.fita.oci.content.PlatformSelector;
import dev.fita.oci.content.ReadableStorage;
import dev.fita.oci.layout.OciLayout;

/**
 * Pulls one platform of an image the way the far-edge kubelet does with oras-go: resolve the
 * reference, take the first top-level index entry whose platform matches (nested indexes are not
 * searched), and write its titled layers into a directory under their
 * {@code org.opencontainers.image.title}, like an oras file store; or copy it into an OCI image layout.
 */
public final class PlatformPuller {

    private final RegistryClient client;

    public PlatformPuller(RegistryClient client) {
        this.client = client;
    }

    /** What {@code ref} resolves to, as a store that already holds the root it fetched. */
    private record Resolved(ReadableStorage source, Descriptor manifest) {}

    private Resolved resolve(ImageReference ref, Platform target) {
        Repository repo = client.repository(ref);
        ManifestResponse top = repo.manifests().fetch(ref.referenceOrTag());
        ReadableStorage source = new OverlayStorage(
                new MemoryStorage(List.of(top.blob())), repo);
        return new Resolved(source, PlatformSelector.select(source, top.descriptor(), top.bytes(), target, ref.toString()));
    }

    /** The descriptor of {@code target}'s manifest: from an index by the first match, or a bare manifest whose config matches. */
    public Descriptor select(ImageReference ref, Platform target) {
        return resolve(ref, target).manifest();
    }

    /**
     * Pulls the titled layers of {@code target}'s manifest into {@code outDir}; returns the files written,
     * in layer order. A title that is empty, absolute or leaves {@code outDir} is refused before anything is written.
     */
    public List<Path> pull(ImageReference ref, Platform target, Path outDir) {
        Resolved resolved = resolve(ref, target);
        ImageManifest manifest = ImageManifest.fromJson(resolved.source().fetchAll(resolved.manifest()));
        Path root = outDir.toAbsolutePath().normalize();
        List<Descriptor> titled = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Set<Path> unique = new HashSet<>();
        for (Descriptor layer : manifest.layers()) {
            String title = layer.annotations().get(Annotations.TITLE);
            if (title == null) {
                continue;
            }
            Path file = safeTarget(ref, root, title);
            if (!unique.add(file)) {
                throw new RegistryResponseException("The " + target + " manifest of " + ref + " has two layers titled '"
                        + title + "'.");
            }
            titled.add(layer);
            files.add(file);
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new OciException("Could not create " + root + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < titled.size(); i++) {
            write(resolved.source(), titled.get(i), files.get(i));
        }
        return List.copyOf(files);
    }

    /**
     * Copies {@code target}'s manifest, config and layers into an OCI image layout (created when absent)
     * and names it in {@code index.json} after the tag (or the digest), replacing an entry of that name.
     * Returns that entry: the manifest's descriptor with the platform and the name.
     */
    public Descriptor pullToLayout(ImageReference ref, Platform target, Path layoutDir) {
        Resolved resolved = resolve(ref, target);
        Descriptor entry = resolved.manifest().withPlatform(target);
        String name = ref.tag() != null ? ref.tag() : entry.digest().toString();
        new GraphCopy().copy(resolved.source(), entry, OciLayout.create(layoutDir), List.of(name), null);
        return entry.withAnnotation(Annotations.REF_NAME, name);
    }

    /** Downloads one layer to {@code file}: through a verified stream into a temp file that is then moved. */
    private static void write(ReadableStorage source, Descriptor layer, Path file) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), ".download-", ".tmp");
            try (InputStream in = source.fetch(layer)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OciException("Could not write " + file + " from layer " + layer.digest() + ": "
                    + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temp file next to the output is harmless
                }
            }
        }
    }

    private static Path safeTarget(ImageReference ref, Path root, String title) {
        Path candidate;
        try {
            candidate = Path.of(title);
        } catch (RuntimeException e) {
            throw unsafe(ref, title);
        }
        if (title.isBlank() || candidate.isAbsolute() || title.startsWith("/") || title.startsWith("\\")) {
            throw unsafe(ref, title);
        }
        Path resolved = root.resolve(candidate).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw unsafe(ref, title);
        }
        return resolved;
    }

    private static RegistryResponseException unsafe(ImageReference ref, String title) {
        return new RegistryResponseException("Refusing the layer title '" + title + "' of " + ref
                + ": it would be written outside the target directory.");
    }
}
