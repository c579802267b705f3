package dev.fita.maven.build;

import dev.fita.maven.image.ImageRecord;
import java.nio.file.Path;

/** What {@code build} produced: the layout directory and its image.json content. */
public record BuildResult(Path layout, ImageRecord record) {}
