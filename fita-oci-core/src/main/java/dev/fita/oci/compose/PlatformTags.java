package dev.fita.oci.compose;

import java.util.List;
import java.util.Objects;

import dev.fita.oci.Platform;

/**
 * The tags under which one platform's image waits for the merge when each platform is built on its
 * own machine: {@code <release tag>-<os>-<architecture>[-<variant>]}, e.g. {@code 2.3.0-linux-arm64}
 * or {@code latest-linux-arm-v7}. The one place this naming rule lives: the per-platform push writes
 * these tags and the merge reads them.
 */
public final class PlatformTags {

    private PlatformTags() {}

    /** The per-platform tag of {@code releaseTag}; the caller's store checks that it is a valid tag. */
    public static String of(String releaseTag, Platform platform) {
        Objects.requireNonNull(releaseTag, "releaseTag");
        return releaseTag + "-" + platform.os() + "-" + platform.architecture()
                + (platform.variant() == null ? "" : "-" + platform.variant());
    }

    /** The per-platform tag of each release tag, in order. */
    public static List<String> of(List<String> releaseTags, Platform platform) {
        return releaseTags.stream().map(tag -> of(tag, platform)).toList();
    }
}
