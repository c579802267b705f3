package dev.fita.maven.config;

import java.nio.file.Path;

/**
 * The resolved {@code <outputPaths>}: Jib's digest, image id and image JSON files (Jib's default names in
 * the build directory) and, only when configured, an OCI archive of the image layout ({@code tar}).
 */
public record OutputPaths(Path tarOrNull, Path digest, Path imageId, Path imageJson) {}
