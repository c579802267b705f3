package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.cloud.tools.jib.cache.CacheCorruptedException;
import com.google.cloud.tools.jib.image.json.ImageMetadataTemplate;
import com.google.cloud.tools.jib.image.json.ManifestAndConfigTemplate;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps every platform in Jib's cached metadata of a multi-platform base image. jib-core (3.5.2 too)
 * rewrites {@code manifests_configs.json} of a base reference with the platforms of the current run only;
 * fita runs one platform at a time, so without this the shared cache would remember the last platform
 * alone and an offline build ({@code -o}) would fail for the others. After each platform's run the
 * entries of earlier runs are put back, as long as the reference still names the same manifest list.
 */
final class BaseImageCacheMetadata {
    private final Path cacheDirectory;

    BaseImageCacheMetadata(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    /** What the cache holds for {@code baseImage} now; empty for a non-registry base or nothing cached. */
    Optional<ImageMetadataTemplate> read(String baseImage) throws IOException {
        Optional<ImageReference> reference = reference(baseImage);
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        try {
            return cache().retrieveMetadata(reference.get());
        } catch (CacheCorruptedException e) {
            // Jib itself reports a corrupt cache when it reads it; nothing to keep then.
            return Optional.empty();
        }
    }

    /** Adds the entries of {@code before} that the current metadata of {@code baseImage} lost. */
    void restore(String baseImage, Optional<ImageMetadataTemplate> before) throws IOException {
        Optional<ImageReference> reference = reference(baseImage);
        Optional<ImageMetadataTemplate> now = read(baseImage);
        if (reference.isEmpty() || before.isEmpty() || now.isEmpty()) {
            return;
        }
        ImageMetadataTemplate merged = merge(before.get(), now.get());
        if (merged != now.get()) {
            cache().writeMetadata(reference.get(), merged);
        }
    }

    /** {@code now} itself when there is nothing to add (not a list, another list, or nothing lost). */
    static ImageMetadataTemplate merge(ImageMetadataTemplate before, ImageMetadataTemplate now) throws IOException {
        if (before.getManifestList() == null || now.getManifestList() == null
                || !json(before.getManifestList()).equals(json(now.getManifestList()))) {
            return now;
        }
        Set<String> present = new LinkedHashSet<>();
        now.getManifestsAndConfigs().forEach(entry -> present.add(entry.getManifestDigest()));
        List<ManifestAndConfigTemplate> entries = new ArrayList<>(now.getManifestsAndConfigs());
        for (ManifestAndConfigTemplate entry : before.getManifestsAndConfigs()) {
            if (entry.getManifestDigest() != null && present.add(entry.getManifestDigest())) {
                entries.add(entry);
            }
        }
        return entries.size() == now.getManifestsAndConfigs().size()
                ? now : new ImageMetadataTemplate(now.getManifestList(), entries);
    }

    private Cache cache() throws IOException {
        try {
            return Cache.withDirectory(cacheDirectory);
        } catch (CacheDirectoryCreationException e) {
            throw new IOException("Cannot use Jib's base image cache " + cacheDirectory + ": " + e.getMessage(), e);
        }
    }

    private static String json(ManifestTemplate template) throws IOException {
        return JsonTemplateMapper.toUtf8String(template);
    }

    private static Optional<ImageReference> reference(String baseImage) {
        if (baseImage == null || baseImage.contains("://")) {
            return Optional.empty();
        }
        try {
            ImageReference reference = ImageReference.parse(baseImage);
            return reference.isScratch() ? Optional.empty() : Optional.of(reference);
        } catch (InvalidImageReferenceException e) {
            return Optional.empty();
        }
    }
}
