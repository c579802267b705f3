package dev.fita.maven.jib;

import dev.fita.oci.Platform;
import java.nio.file.Path;

/** Builds one linux platform's container image into a single-image OCI tar. */
@FunctionalInterface
public interface PlatformImageBuilder {
    void build(Platform platform, Path tarFile) throws Exception;
}
