package dev.fita.maven.testing;

import dev.fita.maven.jib.PlatformImageBuilder;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Platform;
import dev.fita.oci.layout.LayoutTar;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stands in for Jib under fita:build's own composition ({@code ImageBuildService}): per platform a small
 * deterministic image in a single-image OCI tar, shaped as jib-core writes it (one index entry without
 * platform, a config without variant), so tests of what comes after the build need no Jib run.
 */
public final class StandInJib {
    private StandInJib() {}

    public static PlatformImageBuilder builder(Path scratch) {
        return (platform, tar) -> {
            Path dir = Files.createTempDirectory(Files.createDirectories(scratch), "jib-");
            OciLayout layout = OciLayout.create(dir);
            Descriptor image = TestImages.writeLinuxImage(layout, new Platform(platform.os(), platform.architecture()));
            layout.tag(image, List.of("jib"));
            LayoutTar.export(layout, tar);
        };
    }
}
