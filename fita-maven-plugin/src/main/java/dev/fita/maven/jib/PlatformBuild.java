package dev.fita.maven.jib;

import dev.fita.oci.Platform;
import java.nio.file.Path;

/** One jib-core run: the platform and the OCI tar it writes. */
public record PlatformBuild(Platform platform, Path tarFile) {}
