package dev.fita.oci.content;

import java.util.List;

import dev.fita.oci.Platform;

/**
 * How {@link GraphCopy} works: how many blobs at once, which repositories of the target registry to
 * mount missing blobs from (besides those the copy saw them in), and an optional platform: only
 * that platform's image of an index is copied (and tagged).
 */
public record CopyOptions(int concurrency, List<String> mountFrom, Platform platform) {

    /**
     * Four blobs at once: a typical image has a handful of layers, registries and proxies throttle
     * many connections per client, and the build machine keeps its cores for the build.
     */
    public static final int DEFAULT_CONCURRENCY = 4;

    public static final CopyOptions DEFAULT = new CopyOptions(DEFAULT_CONCURRENCY, List.of(), null);

    public CopyOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        mountFrom = List.copyOf(mountFrom);
    }

    public CopyOptions withConcurrency(int n) {
        return new CopyOptions(n, mountFrom, platform);
    }

    public CopyOptions withMountFrom(List<String> repositories) {
        return new CopyOptions(concurrency, repositories, platform);
    }

    public CopyOptions withPlatform(Platform only) {
        return new CopyOptions(concurrency, mountFrom, only);
    }
}
