package dev.fita.maven.build;

import dev.fita.maven.image.ImageRecord;
import java.nio.file.Path;

/**
 * What {@code build} produced: the layout directory and its image.json content, and the digest of the
 * base image (its manifest or index) that jib-core pulled, when it pulled one (null offline or for a
 * local base).
 */
public record BuildResult(Path layout, ImageRecord record, String baseDigestOrNull) {}
