package dev.fita.maven.jib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.image.json.ContainerConfigurationTemplate;
import com.google.cloud.tools.jib.image.json.ImageMetadataTemplate;
import com.google.cloud.tools.jib.image.json.ManifestAndConfigTemplate;
import com.google.cloud.tools.jib.image.json.OciIndexTemplate;
import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge that keeps every platform in Jib's cached metadata (the end-to-end offline build is in BuildAndPushTest). */
class BaseImageCacheMetadataTest {
    private static final String AMD64 = "sha256:" + "1".repeat(64);
    private static final String ARM64 = "sha256:" + "2".repeat(64);

    private static OciIndexTemplate list(String... digests) throws Exception {
        OciIndexTemplate index = new OciIndexTemplate();
        for (String digest : digests) {
            index.addManifest(new BlobDescriptor(100, DescriptorDigest.fromDigest(digest)), "base:1");
        }
        return index;
    }

    private static ImageMetadataTemplate metadata(OciIndexTemplate list, String... entries) {
        return new ImageMetadataTemplate(list, java.util.Arrays.stream(entries)
                .map(d -> new ManifestAndConfigTemplate(new OciManifestTemplate(), new ContainerConfigurationTemplate(), d))
                .toList());
    }

    private static List<String> digests(ImageMetadataTemplate metadata) {
        return metadata.getManifestsAndConfigs().stream().map(ManifestAndConfigTemplate::getManifestDigest).toList();
    }

    @Test
    void putsBackThePlatformsAnEarlierRunCachedForTheSameList() throws Exception {
        ImageMetadataTemplate before = metadata(list(AMD64, ARM64), AMD64);
        ImageMetadataTemplate now = metadata(list(AMD64, ARM64), ARM64);
        assertEquals(List.of(ARM64, AMD64), digests(BaseImageCacheMetadata.merge(before, now)));
    }

    @Test
    void keepsTheNewMetadataWhenNothingIsLostOrTheTagMoved() throws Exception {
        ImageMetadataTemplate now = metadata(list(AMD64, ARM64), AMD64, ARM64);
        assertSame(now, BaseImageCacheMetadata.merge(metadata(list(AMD64, ARM64), AMD64), now));
        ImageMetadataTemplate moved = metadata(list(ARM64), ARM64);
        assertSame(moved, BaseImageCacheMetadata.merge(metadata(list(AMD64, ARM64), AMD64), moved));
        ImageMetadataTemplate single = new ImageMetadataTemplate(null, metadata(list(), AMD64).getManifestsAndConfigs());
        assertSame(single, BaseImageCacheMetadata.merge(metadata(list(AMD64), AMD64), single));
    }
}
