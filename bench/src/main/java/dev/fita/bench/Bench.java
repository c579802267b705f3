package dev.fita.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.fita.oci.testing.TestRegistry;

/**
 * Benchmarks 1 (push throughput vs skopeo) and 5 (peak RSS while pushing a 1 GiB layer).
 *
 * <pre>
 * Bench push   &lt;workDir&gt; [runs]   — markdown rows on stdout
 * Bench memory &lt;workDir&gt;
 * </pre>
 *
 * <p>Every run gets a fresh registry (new port, empty storage): skopeo keeps a blob-info cache in
 * /var/lib/containers/cache and would otherwise mount blobs from the previous run's repository
 * instead of uploading them, and our client must not either. Each registry's pid is written to
 * {@code workDir/pids} so that bench/run can kill leftovers if this JVM dies.
 */
public final class Bench {

    private static final Pattern PUSH_LINE = Pattern.compile(
            "pushMs=(\\d+) blobsUploaded=(\\d+) bytesUploaded=(\\d+) blobsPresent=(\\d+) blobsMounted=(\\d+)");
    private static final Pattern WARM_LINE = Pattern.compile("warmMs=(\\d+) warmBytesUploaded=(\\d+)");
    private static final long PROCESS_TIMEOUT_S = 600;
    /** Per linux platform: base OS 60, JRE 30, dependencies 9, application 1 MiB → 200 MiB in all. */
    private static final List<Integer> PUSH_LAYERS_MIB = List.of(60, 30, 9, 1);

    final Path work;

    private Bench(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        // Killed (bench/run's trap): take the processes we started with us, registries included.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "bench-stop"));
        Bench b = new Bench(Path.of(args[1]).toAbsolutePath());
        Files.createDirectories(b.work.resolve("pids"));
        switch (args[0]) {
            case "push" -> b.push(args.length > 2 ? Integer.parseInt(args[2]) : 5);
            case "memory" -> b.memory();
            case "e2e" -> new E2e(b, b.work, Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4])).run();
            case "latency" -> new Latency(b, b.work, Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4])).run();
            case "faults" -> new Faults(b, b.work).run();
            // build <workDir> <mvnw> <repository root> <runs> [e2e] [uptodate] [scale] [rss]: benchmarks 6–10
            case "build" -> new BuildBench(b, Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]))
                    .run(List.of(args).subList(5, args.length));
            // For profiling by hand: the layouts alone.
            case "layout" -> BenchLayouts.write(b.work.resolve("layout-push"), PUSH_LAYERS_MIB, 42);
            case "layout-1g" -> BenchLayouts.writeSingleLayer(b.work.resolve("layout-1g"), 1024, 7);
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    // ---------------------------------------------------------------- 1: push throughput

    private void push(int runs) throws Exception {
        Path layout = work.resolve("layout-push");
        long t0 = System.nanoTime();
        BenchLayouts.write(layout, PUSH_LAYERS_MIB, 42);
        long layoutBytes = directorySize(layout);
        log("generated %s (%.1f MiB of blobs) in %.1f s", layout, layoutBytes / 1048576.0, secs(System.nanoTime() - t0));

        List<Double> oursProcess = new ArrayList<>();
        List<Double> oursCall = new ArrayList<>();
        List<Double> oursWarm = new ArrayList<>();
        List<Double> skopeo = new ArrayList<>();
        long expectedBytes = -1;
        for (int i = 0; i <= runs; i++) {
            boolean warmUp = i == 0;
            // A: our push in a fresh JVM
            try (TestRegistry r = registry(); TestRegistry r2 = registry()) {
                String ref = r.host() + "/fita-" + i + ":" + BenchLayouts.TAG;
                String ref2 = r2.host() + "/fita-" + i + ":" + BenchLayouts.TAG;
                Timed t = run(List.of(java(), "-cp", classpath(), PushOnce.class.getName(),
                        layout.toString(), BenchLayouts.TAG, ref, ref2));
                Matcher w = WARM_LINE.matcher(t.stdout);
                if (!w.find()) {
                    throw new IllegalStateException("PushOnce printed no warm result: " + t.stdout);
                }
                Matcher m = PUSH_LINE.matcher(t.stdout);
                if (!m.find()) {
                    throw new IllegalStateException("PushOnce printed no result: " + t.stdout);
                }
                long bytes = Long.parseLong(m.group(3));
                if (Integer.parseInt(m.group(4)) != 0 || Integer.parseInt(m.group(5)) != 0) {
                    throw new IllegalStateException("the repository was not empty: " + t.stdout);
                }
                expectedBytes = bytes;
                log("run %d%s ours:   %.2f s process (two pushes), %s ms cold push call, %s ms warm push call,"
                        + " %d bytes uploaded", i, warmUp ? " (warm-up)" : "", t.seconds, m.group(1), w.group(1), bytes);
                if (!warmUp) {
                    oursCall.add(Long.parseLong(m.group(1)) / 1000.0);
                    oursWarm.add(Long.parseLong(w.group(1)) / 1000.0);
                }
            }
            // A': our push in a fresh JVM, timed as a whole process (JVM start included), like skopeo's
            try (TestRegistry r = registry()) {
                String ref = r.host() + "/fita-p" + i + ":" + BenchLayouts.TAG;
                Timed t = run(List.of(java(), "-cp", classpath(), PushOnce.class.getName(),
                        layout.toString(), BenchLayouts.TAG, ref));
                log("run %d%s ours:   %.2f s process (one push)", i, warmUp ? " (warm-up)" : "", t.seconds);
                if (!warmUp) {
                    oursProcess.add(t.seconds);
                }
            }
            // B: skopeo copy --all
            try (TestRegistry r = registry()) {
                String ref = r.host() + "/skopeo-" + i + ":" + BenchLayouts.TAG;
                Timed t = run(List.of("skopeo", "copy", "--all", "--quiet", "--dest-tls-verify=false",
                        "oci:" + layout + ":" + BenchLayouts.TAG, "docker://" + ref));
                long stored = directorySize(r.storageDir());
                log("run %d%s skopeo: %.2f s (registry stores %.1f MiB)", i, warmUp ? " (warm-up)" : "", t.seconds,
                        stored / 1048576.0);
                if (!warmUp) {
                    skopeo.add(t.seconds);
                }
            }
        }
        double sk = Stats.median(skopeo);
        String size = String.format(Locale.ROOT, "%.0f MiB", expectedBytes / 1048576.0);
        double cold = Stats.median(oursCall) / sk;
        System.out.println(Stats.row("1. push " + size + ", 3 platforms: **fita push call, cold code** (as in `mvn fita:push`)",
                oursCall, "s", String.format(Locale.ROOT, "**%.2f×** skopeo", cold), "≤ 0.8×", cold <= 0.8));
        double warm = Stats.median(oursWarm) / sk;
        System.out.println(Stats.row("1. push " + size + ": fita push call, warm JVM (second push)", oursWarm, "s",
                String.format(Locale.ROOT, "%.2f× skopeo", warm), "≤ 0.8×", warm <= 0.8));
        double proc = Stats.median(oursProcess) / sk;
        System.out.println(Stats.row("1. push " + size + ": fita as a fresh JVM process (JVM start + push)", oursProcess,
                "s", String.format(Locale.ROOT, "%.2f× skopeo", proc), "≤ 0.8×", proc <= 0.8));
        System.out.println(Stats.row("1. push " + size + ": `skopeo copy --all` (process)", skopeo, "s", "1.00", "", null));
    }

    // ---------------------------------------------------------------- 5: memory

    private void memory() throws Exception {
        Path small = work.resolve("layout-push");
        if (!Files.isDirectory(small)) {
            BenchLayouts.write(small, PUSH_LAYERS_MIB, 42);
        }
        Path big = work.resolve("layout-1g");
        long t0 = System.nanoTime();
        BenchLayouts.writeSingleLayer(big, 1024, 7);
        log("generated %s (%.1f MiB of blobs) in %.1f s", big, directorySize(big) / 1048576.0,
                secs(System.nanoTime() - t0));
        long rss200 = peakRssOfOurPush(small);
        long rss1g = peakRssOfOurPush(big);
        long rssSkopeo;
        try (TestRegistry r = registry()) {
            rssSkopeo = peakRss(List.of("skopeo", "copy", "--all", "--quiet", "--dest-tls-verify=false",
                    "oci:" + big + ":" + BenchLayouts.TAG, "docker://" + r.host() + "/skopeo-mem:" + BenchLayouts.TAG));
        }
        String maxHeap = String.format(Locale.ROOT, "%.0f MiB", Runtime.getRuntime().maxMemory() / 1048576.0);
        boolean flat = Math.abs(rss1g - rss200) < 64 * 1024;
        System.out.println(String.format(Locale.ROOT,
                "| 5. peak RSS: fita push of a 1 GiB layer (JVM defaults, max heap %s) | 1 | | **%d MiB** | | %+d MiB vs the 200 MiB push | < 512 MiB, flat | %s |",
                maxHeap, rss1g / 1024, (rss1g - rss200) / 1024, rss1g / 1024 < 512 && flat ? "met" : "missed"));
        System.out.println(String.format(Locale.ROOT,
                "| 5. peak RSS: fita push of the 200 MiB layout (same JVM) | 1 | | %d MiB | | | | |", rss200 / 1024));
        System.out.println(String.format(Locale.ROOT,
                "| 5. peak RSS: skopeo copy of the 1 GiB layer | 1 | | %d MiB | | | | |", rssSkopeo / 1024));
    }

    private long peakRssOfOurPush(Path layout) throws Exception {
        try (TestRegistry r = registry()) {
            String ref = r.host() + "/fita-mem:" + BenchLayouts.TAG;
            return peakRss(List.of(java(), "-cp", classpath(), PushOnce.class.getName(), layout.toString(),
                    BenchLayouts.TAG, ref));
        }
    }

    /** Peak resident set size in KiB, from GNU time's %M. */
    private long peakRss(List<String> cmd) throws Exception {
        Path out = Files.createTempFile(work, "time-", ".txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", out.toString()));
        timed.addAll(cmd);
        Timed t = run(timed);
        long kib = Long.parseLong(Files.readAllLines(out).stream().filter(s -> s.matches("\\d+")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no RSS from /usr/bin/time")));
        log("peak RSS %d MiB in %.1f s: %s", kib / 1024, t.seconds, cmd.get(0).endsWith("java") ? "fita (PushOnce)" : String.join(" ", cmd.subList(0, Math.min(3, cmd.size()))));
        return kib;
    }

    // ---------------------------------------------------------------- helpers

    TestRegistry registry() throws IOException {
        TestRegistry r = TestRegistry.start();
        Files.writeString(work.resolve("pids").resolve(Long.toString(r.pid())), r.host());
        return r;
    }

    record Timed(double seconds, String stdout) {
    }

    Timed run(List<String> cmd) throws Exception {
        return run(cmd, Map.of());
    }

    /** Runs a command, bounded in time; fails on a non-zero exit with its output. */
    Timed run(List<String> cmd, Map<String, String> env) throws Exception {
        Path out = Files.createTempFile(work, "out-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(PROCESS_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException("timed out after " + PROCESS_TIMEOUT_S + " s: " + cmd);
        }
        double seconds = secs(System.nanoTime() - start);
        String stdout = Files.readString(out);
        Files.delete(out);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + " from " + cmd + ":\n" + stdout);
        }
        return new Timed(seconds, stdout);
    }

    /** The 1-minute load average. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Extra Maven arguments from bench/run (BENCH_MAVEN_ARGS), e.g. a private local repository. */
    static List<String> mavenArgs() {
        return MavenRuns.splitArgs(System.getenv("BENCH_MAVEN_ARGS"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }

    static long directorySize(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    static void log(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
