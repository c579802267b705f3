package com.google.cloud.tools.jib.api;

import com.google.cloud.tools.jib.configuration.BuildContext;
import java.nio.file.Path;
import java.util.List;

/**
 * The build context jib-core's {@code containerize} would run with: the final container builder (after
 * Jib plugin extensions) with the containerizer Jib's configuration processor set up (caches, offline
 * mode, insecure registries, mirrors, tool name, event handlers), and where that containerizer keeps
 * Jib's layer caches. In jib-core's package because {@code toBuildContext} and the cache getters are
 * package-private there; only fita-maven-plugin uses it, with the jib-core it
 * bundles (3.5.2). The caller closes the context (it owns the executor).
 */
public final class FitaBuildContexts {
    private FitaBuildContexts() {}

    public static BuildContext of(JibContainerBuilder builder, Containerizer containerizer)
            throws CacheDirectoryCreationException {
        return builder.toBuildContext(containerizer);
    }

    /** The base-image layer cache and the application-layer cache directories, in that order. */
    public static List<Path> cacheDirectories(Containerizer containerizer) throws CacheDirectoryCreationException {
        return List.of(containerizer.getBaseImageLayersCacheDirectory(),
                containerizer.getApplicationLayersCacheDirectory());
    }
}
