package dev.fita.maven.config;

import java.nio.file.Path;
import java.util.List;

/** One resolved extra directory: copied from {@code from} to {@code into} in the image, filtered by globs. */
public record ExtraDirectory(Path from, String into, List<String> includes, List<String> excludes) {
    public ExtraDirectory {
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }
}
