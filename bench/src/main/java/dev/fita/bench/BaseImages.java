package dev.fita.bench;

import java.util.List;

import dev.fita.oci.Platform;

/** The generated base images of the build benchmarks, written once per bench run and pushed per registry. */
final class BaseImages {

    /** Per platform ≥ 100 MiB, as a JRE base is: an OS (60), a JRE (35) and a tools layer (10 MiB). */
    static final List<Integer> LARGE_LAYERS_MIB = List.of(60, 35, 10);
    /** The four linux platforms of the scaling runs; jib-core names no variant, so none of them has one. */
    static final List<Platform> FOUR = List.of(Platform.parse("linux/amd64"), Platform.parse("linux/arm64"),
            Platform.parse("linux/ppc64le"), Platform.parse("linux/s390x"));

    private BaseImages() {}
}
