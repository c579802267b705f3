package dev.fita.maven.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Jib's {@code jib.containerize} property (used by Skaffold in multi-module builds): it names the one
 * module to containerize as {@code groupId:artifactId}, {@code :artifactId} or a path ending in the
 * module's directory; every other module is skipped.
 */
public final class ModuleSelection {
    private ModuleSelection() {}

    public static boolean selects(String specification, String groupId, String artifactId, Path basedir) {
        if (specification == null || specification.isEmpty()) {
            return true;
        }
        if (specification.equals(groupId + ":" + artifactId) || specification.equals(":" + artifactId)) {
            return true;
        }
        if (specification.contains(":")) {
            return false;
        }
        try {
            return basedir != null && basedir.endsWith(specification);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
