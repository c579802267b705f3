package dev.fita.oci.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fita.oci.Annotations;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;

/**
 * Pulls one platform of an image the way the far-edge kubelet does with oras-go: resolve the
 * reference, take the first top-level index entry whose platform matches (nested indexes are not
 * searched), and write its titled layers into a directory under their
 * {@code org.opencontainers.image.title}, like an oras file store. Untitled layers are skipped.
 */
public final class PlatformPuller {

    private final RegistryClient client;

    public PlatformPuller(RegistryClient client) {
        this.client = client;
    }

    /** The manifest selected for {@code target}: from an index by the first match, or a bare manifest whose config matches. */
    public ManifestResponse resolve(ImageReference ref, Platform target) {
        Repository repo = client.repository(ref);
        ManifestResponse top = repo.fetchManifest(ref.referenceOrTag());
        if (MediaTypes.isIndex(top.mediaType())) {
            List<Descriptor> entries = ImageIndex.fromJson(top.bytes()).manifests();
            for (Descriptor entry : entries) {
                if (entry.platform() != null && entry.platform().matches(target)) {
                    ManifestResponse m = repo.fetchManifest(entry.digest().toString());
                    if (m.bytes().length != entry.size()) {
                        throw new RegistryResponseException(ref.registry() + " sent " + m.bytes().length
                                + " bytes for the " + target + " manifest " + entry.digest() + " of " + ref
                                + ", but the index says " + entry.size() + ".");
                    }
                    return m;
                }
            }
            String available = entries.stream().map(e -> e.platform() == null ? "(no platform)" : e.platform().toString())
                    .collect(Collectors.joining(", "));
            throw new NotFoundException(ref + " has no entry for platform " + target + " (it has: "
                    + (available.isEmpty() ? "nothing" : available) + ").");
        }
        ImageManifest manifest = ImageManifest.fromJson(top.bytes());
        Platform own = configPlatform(repo, manifest.config());
        if (own == null || !own.matches(target)) {
            throw new NotFoundException(ref + " is a single manifest for platform " + (own == null ? "(unknown)" : own)
                    + ", not " + target + ".");
        }
        return top;
    }

    /**
     * Pulls the titled layers of {@code target}'s manifest into {@code outDir}; returns the files written,
     * in layer order. A title that is empty, absolute or leaves {@code outDir} is refused before anything is written.
     */
    public List<Path> pull(ImageReference ref, Platform target, Path outDir) {
        Repository repo = client.repository(ref);
        ImageManifest manifest = ImageManifest.fromJson(resolve(ref, target).bytes());
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
            throw new UncheckedIOException("could not create " + root, e);
        }
        for (int i = 0; i < titled.size(); i++) {
            repo.fetchBlob(titled.get(i), files.get(i));
        }
        return List.copyOf(files);
    }

    /**
     * Pulls {@code target}'s manifest, config and layers into an OCI image layout directory (created when
     * absent) and names it in {@code index.json} with {@code org.opencontainers.image.ref.name} = the tag
     * (replacing an entry of the same name). Returns the manifest's descriptor, with the platform.
     */
    public Descriptor pullToLayout(ImageReference ref, Platform target, Path layoutDir) {
        Repository repo = client.repository(ref);
        ManifestResponse selected = resolve(ref, target);
        ImageManifest manifest = ImageManifest.fromJson(selected.bytes());
        Path blobs = layoutDir.resolve("blobs");
        try {
            Files.createDirectories(blobs);
            List<Descriptor> content = new ArrayList<>();
            content.add(manifest.config());
            content.addAll(manifest.layers());
            for (Descriptor d : content) {
                Path file = blobs.resolve(d.digest().algorithm()).resolve(d.digest().encoded());
                if (!Files.exists(file)) {
                    repo.fetchBlob(d, file);
                }
            }
            Path manifestFile = blobs.resolve(selected.digest().algorithm()).resolve(selected.digest().encoded());
            Files.createDirectories(manifestFile.getParent());
            Files.write(manifestFile, selected.bytes());
            Files.writeString(layoutDir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            String name = ref.tag() != null ? ref.tag() : selected.digest().toString();
            Descriptor entry = selected.descriptor().withPlatform(target).withAnnotation(Annotations.REF_NAME, name);
            Path indexFile = layoutDir.resolve("index.json");
            List<Descriptor> entries = new ArrayList<>();
            if (Files.exists(indexFile)) {
                for (Descriptor d : ImageIndex.fromJson(Files.readAllBytes(indexFile)).manifests()) {
                    if (!name.equals(d.annotations().get(Annotations.REF_NAME))) {
                        entries.add(d);
                    }
                }
            }
            entries.add(entry);
            Files.write(indexFile, ImageIndex.oci(entries, null).toJson());
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the OCI layout " + layoutDir, e);
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

    private static Platform configPlatform(Repository repo, Descriptor config) {
        if (config.size() > Json.MAX_DOCUMENT_BYTES) {
            return null;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        repo.fetchBlob(config, out);
        try {
            JsonNode json = Json.mapper().readTree(out.toByteArray());
            String os = json.path("os").asText("");
            String arch = json.path("architecture").asText("");
            if (os.isEmpty() || arch.isEmpty()) {
                return null;
            }
            String variant = json.path("variant").asText("");
            return new Platform(os, arch, variant.isEmpty() ? null : variant);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
