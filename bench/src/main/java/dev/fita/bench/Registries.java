package dev.fita.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.fita.oci.testing.TestRegistry;

/**
 * Fresh registries that hold only a base image, fast: the base is pushed once (skopeo) into a template
 * registry, whose storage each new registry starts from. Blob files are hard links (the registry never
 * rewrites a blob's data file: uploads land in new files), everything else is copied.
 */
final class Registries implements AutoCloseable {

    static final String BASE_REPOSITORY = "base/java";
    static final String BASE_TAG = "1";

    private final Bench bench;
    private final Path template;
    private int next;

    private Registries(Bench bench, Path template) {
        this.bench = bench;
        this.template = template;
    }

    /** Pushes the OCI layout {@code base} (tag {@link BenchLayouts#TAG}) as base/java:1 into a template storage. */
    static Registries withBase(Bench bench, Path base, Path dir) throws Exception {
        Path templateDir = dir.resolve("template");
        try (TestRegistry r = TestRegistry.builder().directory(templateDir).start()) {
            Files.writeString(bench.work.resolve("pids").resolve(Long.toString(r.pid())), r.host());
            bench.run(List.of("skopeo", "copy", "--all", "--quiet", "--dest-tls-verify=false",
                    "oci:" + base + ":" + BenchLayouts.TAG, "docker://" + r.host() + "/" + BASE_REPOSITORY + ":" + BASE_TAG));
        }
        return new Registries(bench, templateDir.resolve("storage"));
    }

    /** A new registry on a new port whose storage holds the base image only; close it after the run. */
    TestRegistry fresh() throws IOException {
        Path dir = template.getParent().resolveSibling("registry-" + next++);
        Path storage = dir.resolve("storage");
        try (Stream<Path> walk = Files.walk(template)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = storage.resolve(template.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (p.getFileName().toString().equals("data")) {
                    Files.createLink(to, p);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        TestRegistry r = TestRegistry.builder().directory(dir).start();
        Files.writeString(bench.work.resolve("pids").resolve(Long.toString(r.pid())), r.host());
        return r;
    }

    static String baseImage(TestRegistry r) {
        return r.host() + "/" + BASE_REPOSITORY + ":" + BASE_TAG;
    }

    /** Stops the registry and removes its storage (the bench's disk stays small over many runs). */
    static void discard(TestRegistry r) throws IOException {
        r.close();
        Bench.deleteTree(r.directory());
    }

    @Override
    public void close() throws IOException {
        Bench.deleteTree(template.getParent());
    }
}
