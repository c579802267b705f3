package dev.fita.maven.testing;

import dev.fita.maven.image.ContainerImage;
import dev.fita.maven.jib.LinuxImageBuilder;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.Platform;
import dev.fita.oci.testing.TestImages;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for Jib under fita:build's own composition ({@code ImageBuildService}): per platform a small
 * deterministic image written into the layout, shaped as jib-core builds it (a config without variant,
 * a manifest without platform), so tests of what comes after the build need no Jib run.
 */
public final class StandInJib {
    private StandInJib() {}

    public static LinuxImageBuilder builder() {
        return (platforms, layout, scratch) -> {
            List<ContainerImage> images = new ArrayList<>();
            for (Platform platform : platforms) {
                Descriptor manifest = TestImages.writeLinuxImage(layout,
                        new Platform(platform.os(), platform.architecture())).withPlatform(null);
                byte[] config = layout.readBlob(ImageManifest.fromJson(layout.readBlob(manifest)).config());
                images.add(new ContainerImage(platform.os(), platform.architecture(), manifest, config));
            }
            return new LinuxImageBuilder.Images(images, null);
        };
    }
}
