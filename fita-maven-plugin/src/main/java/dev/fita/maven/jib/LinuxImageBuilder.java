package dev.fita.maven.jib;

import dev.fita.maven.image.ContainerImage;
import dev.fita.oci.Platform;
import dev.fita.oci.layout.OciLayout;
import java.nio.file.Path;
import java.util.List;

/** Builds the container images of the linux platforms into an OCI image layout. */
@FunctionalInterface
public interface LinuxImageBuilder {
    /** One image per platform, in the order asked for, and the digest of the base image jib-core pulled (or null). */
    record Images(List<ContainerImage> images, String baseDigestOrNull) {}

    /** @param scratch a directory for intermediate files, removed by the caller afterwards */
    Images build(List<Platform> platforms, OciLayout layout, Path scratch) throws Exception;
}
