package dev.fita.maven.jib;

import java.nio.file.Path;
import java.util.List;

/**
 * What goes into the application layers, as jib-maven-plugin splits it: release dependencies,
 * snapshot dependencies (they change more often, so they get their own layer), and the project's
 * compiled output (resources and classes).
 */
public record AppLayers(List<Path> dependencies, List<Path> snapshotDependencies, Path classesDirectory) {
    public AppLayers {
        dependencies = List.copyOf(dependencies);
        snapshotDependencies = List.copyOf(snapshotDependencies);
    }
}
