package dev.fita.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.fita.bench.MavenRuns.App;
import dev.fita.bench.MavenRuns.Run;
import dev.fita.bench.MavenRuns.Tool;
import dev.fita.oci.Platform;
import dev.fita.oci.testing.TestRegistry;

/**
 * Benchmarks 6–10 (issue 14), on a generated base of 105 MiB per platform (linux/amd64, arm64, ppc64le,
 * s390x), each run into a fresh registry that holds only that base:
 * <ol start="6">
 * <li>end to end, the example: {@code mvn package fita:push} vs {@code mvn package jib:build}, 2 platforms;
 * <li>the same for the Spring-Boot-sized app (bench/apps/spring-service, ~46 runtime jars);
 * <li>unchanged inputs: a second {@code mvn package} (online and {@code -o}): fita:build's time, requests, digest;
 * <li>platforms: the Spring app with 1, 2 and 4 platforms, fita and jib;
 * <li>peak RSS of {@code mvn package} of the Spring app with 4 platforms.
 * </ol>
 * Sides alternate (A B A B …) after one warm-up run each; rows give min / median / max.
 */
final class BuildBench {

    private final Bench bench;
    private final MavenRuns maven;
    private final Path work;
    private final int runs;
    private final App example;
    private final App spring;
    private final Path root;
    /** Set for the duration of {@link #run}. */
    private Registries registries;

    BuildBench(Bench bench, Path mvnw, Path root, int runs) {
        this.bench = bench;
        this.maven = new MavenRuns(bench, mvnw);
        this.work = bench.work.resolve("build");
        this.runs = runs;
        this.root = root;
        this.example = new App("temperature-sensor", root.resolve("examples/temperature-sensor"), "org.example.Main",
                List.of("latest"));
        this.spring = new App("spring-service", root.resolve("bench/apps/spring-service"),
                "org.example.service.ServiceApplication", List.of());
    }

    void run(List<String> what) throws Exception {
        Path base = work.resolve("base");
        BenchLayouts.writeBase(base, BaseImages.FOUR, BaseImages.LARGE_LAYERS_MIB, 99);
        try (Registries r = Registries.withBase(bench, base, work)) {
            registries = r;
            if (what.contains("apps")) {
                e2e(example, "6. end to end, the example");
                e2e(spring, "7. end to end, Spring-Boot-sized app");
            }
            if (what.contains("uptodate")) {
                unchanged();
            }
            if (what.contains("scale")) {
                scale();
            }
            if (what.contains("rss")) {
                rss();
            }
            if (what.contains("profile")) {
                profile();
            }
        }
    }

    private static List<String> platforms(int n) {
        return BaseImages.FOUR.subList(0, n).stream().map(Platform::toString).toList();
    }

    /** fita's and jib's copies of an app, in a directory of their own per benchmark. */
    private Map<Tool, Path> copies(App app, String tag) throws Exception {
        Map<Tool, Path> copies = new LinkedHashMap<>();
        for (Tool tool : Tool.values()) {
            copies.put(tool, MavenRuns.copy(app, work.resolve(tag + "-" + app.name() + "-" + tool), tool));
        }
        return copies;
    }

    private Run once(App app, Path project, Tool tool, boolean push, List<String> platforms, boolean offline)
            throws Exception {
        TestRegistry r = registries.fresh();
        try {
            return maven.run(app, project, tool, push, r, platforms, offline);
        } finally {
            Registries.discard(r);
        }
    }

    private void e2e(App app, String title) throws Exception {
        Map<Tool, Path> copies = copies(app, "e2e");
        Map<Tool, List<Double>> whole = new LinkedHashMap<>();
        Map<Tool, List<Double>> goals = new LinkedHashMap<>();
        for (int i = 0; i <= runs; i++) {
            for (Tool tool : Tool.values()) {
                Run r = once(app, copies.get(tool), tool, true, platforms(2), false);
                if (i > 0) {
                    whole.computeIfAbsent(tool, t -> new ArrayList<>()).add(r.seconds());
                    goals.computeIfAbsent(tool, t -> new ArrayList<>()).add(tool == Tool.FITA
                            ? r.goal("fita:build") + r.goal("fita:push") : r.goal("jib:build"));
                }
            }
        }
        double ratio = Stats.median(whole.get(Tool.FITA)) / Stats.median(whole.get(Tool.JIB));
        System.out.println(Stats.row(title + ": **`mvn package fita:push`** (2 platforms, fresh registry; "
                + maven.loadRange() + ")",
                whole.get(Tool.FITA), "s", String.format(Locale.ROOT, "**%.2f×** jib", ratio), "≤ 0.8×", ratio <= 0.8));
        System.out.println(Stats.row(title + ": `mvn package jib:build`", whole.get(Tool.JIB), "s", "1.00", "", null));
        System.out.println(Stats.row(title + ": fita:build + fita:push goals", goals.get(Tool.FITA), "s",
                String.format(Locale.ROOT, "%.2f× jib:build goal", Stats.median(goals.get(Tool.FITA))
                        / Stats.median(goals.get(Tool.JIB))), "", null));
        System.out.println(Stats.row(title + ": jib:build goal", goals.get(Tool.JIB), "s", "", "", null));
    }

    private void unchanged() throws Exception {
        Path project = copies(spring, "uptodate").get(Tool.FITA);
        TestRegistry r = registries.fresh();
        try {
            Run first = maven.run(spring, project, Tool.FITA, false, r, platforms(2), false);
            String digest = Files.readString(project.resolve("target/fita/image.digest"));
            String layout = LayoutFingerprint.of(project.resolve("target/fita/image"));
            Bench.log("first build: fita:build %.2f s, index %s", first.goal("fita:build"), digest);
            List<Double> online = new ArrayList<>();
            List<Double> offline = new ArrayList<>();
            List<Double> wholeOnline = new ArrayList<>();
            String onlineRequests = "";
            String offlineRequests = "";
            boolean same = true;
            for (int i = 0; i <= runs; i++) {
                for (boolean o : new boolean[] {false, true}) {
                    Run again = maven.run(spring, project, Tool.FITA, false, r, platforms(2), o);
                    same &= digest.equals(Files.readString(project.resolve("target/fita/image.digest")))
                            && layout.equals(LayoutFingerprint.of(project.resolve("target/fita/image")));
                    if (i > 0) {
                        (o ? offline : online).add(again.goal("fita:build"));
                        if (o) {
                            offlineRequests = again.requests();
                        } else {
                            onlineRequests = again.requests();
                            wholeOnline.add(again.seconds());
                        }
                    }
                }
            }
            double m = Stats.median(online);
            System.out.println(Stats.row("8. unchanged inputs, Spring app: **fita:build goal** of a second `mvn package`"
                    + " (" + maven.loadRange() + "; requests: " + onlineRequests + ")", online, "s", same ? "same index digest and layout"
                    : "**layout changed**", "≤ 0.5 s, same digests", m <= 0.5 && same));
            System.out.println(Stats.row("8. unchanged inputs: fita:build goal of `mvn -o package` (requests: "
                    + offlineRequests + ")", offline, "s", "", "no request", "none".equals(offlineRequests)));
            System.out.println(Stats.row("8. unchanged inputs: whole second `mvn package` (first build's fita:build: "
                    + String.format(Locale.ROOT, "%.2f s", first.goal("fita:build")) + ")", wholeOnline, "s", "", "", null));
        } finally {
            Registries.discard(r);
        }
    }

    private void scale() throws Exception {
        Map<Tool, Path> copies = copies(spring, "scale");
        int[] counts = {1, 2, 4};
        Map<String, List<Double>> whole = new LinkedHashMap<>();
        Map<String, List<Double>> goals = new LinkedHashMap<>();
        for (int i = 0; i <= runs; i++) {
            for (int n : counts) {
                for (Tool tool : Tool.values()) {
                    Run r = once(spring, copies.get(tool), tool, true, platforms(n), false);
                    if (i > 0) {
                        whole.computeIfAbsent(tool + "-" + n, k -> new ArrayList<>()).add(r.seconds());
                        goals.computeIfAbsent(tool + "-" + n, k -> new ArrayList<>()).add(tool == Tool.FITA
                                ? r.goal("fita:build") + r.goal("fita:push") : r.goal("jib:build"));
                    }
                }
            }
        }
        String load = maven.loadRange();
        for (Tool tool : Tool.values()) {
            double one = Stats.median(whole.get(tool + "-1"));
            for (int n : counts) {
                double ratio = Stats.median(whole.get(tool + "-" + n)) / one;
                boolean fita = tool == Tool.FITA;
                System.out.println(Stats.row(String.format(Locale.ROOT, "9. platforms, Spring app: %s, %d platform%s%s",
                        fita ? "**`mvn package fita:push`**" : "`mvn package jib:build`", n, n == 1 ? "" : "s",
                        n == 1 && fita ? " (" + load + ")" : ""),
                        whole.get(tool + "-" + n), "s", String.format(Locale.ROOT, "%.2f× 1 platform; goals %.2f s",
                                ratio, Stats.median(goals.get(tool + "-" + n))),
                        fita && n == 4 ? "≤ 1.5×" : "", fita && n == 4 ? ratio <= 1.5 : null));
            }
        }
    }

    private void rss() throws Exception {
        Path project = copies(spring, "rss").get(Tool.FITA);
        List<Double> mib = new ArrayList<>();
        for (int i = 0; i < Math.max(3, runs / 2); i++) {
            // A fresh registry each time: another base reference, so the build cannot be skipped as up to date.
            mib.add(once(spring, project, Tool.FITA, false, platforms(4), false).peakRssKiB() / 1024.0);
        }
        double max = mib.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        System.out.println(Stats.row("10. peak RSS of `mvn package`, Spring app, 4 platforms (whole Maven JVM; "
                + maven.loadRange() + ")", mib,
                "MiB", String.format(Locale.ROOT, "max %.0f MiB", max), "< 1024 MiB", max < 1024));
    }

    /**
     * JFR profiles of fita's goals, Spring app, 2 platforms, after a warm-up: one {@code mvn package fita:push}
     * into a fresh registry (a full build and push), and one second {@code mvn package} with nothing
     * changed (the up-to-date check); summarised into bench/results/profile.txt.
     */
    private void profile() throws Exception {
        Path project = copies(spring, "profile").get(Tool.FITA);
        once(spring, project, Tool.FITA, true, platforms(2), false);
        Path settings = Files.writeString(work.resolve("profile.jfc"), JfrTop.SETTINGS);
        StringBuilder text = new StringBuilder();
        Run full = profiled(settings, "full", () -> once(spring, project, Tool.FITA, true, platforms(2), false), text);
        TestRegistry r = registries.fresh();
        Run again;
        try {
            maven.run(spring, project, Tool.FITA, false, r, platforms(2), false);
            again = profiled(settings, "uptodate", () -> maven.run(spring, project, Tool.FITA, false, r, platforms(2),
                    false), text);
        } finally {
            Registries.discard(r);
        }
        Path out = root.resolve("bench/results/profile.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        Bench.log("profiles written to %s", out);
        System.out.println(String.format(Locale.ROOT, "| profile: `mvn package fita:push`, Spring app, 2 platforms, with JFR"
                + " (bench/results/profile.txt) | 1 | | **%.2f s** | | fita:build %.2f s, fita:push %.2f s | | |",
                full.seconds(), full.goal("fita:build"), full.goal("fita:push")));
        System.out.println(String.format(Locale.ROOT, "| profile: second `mvn package`, nothing changed, with JFR"
                + " | 1 | | **%.2f s** | | fita:build %.2f s | | |", again.seconds(), again.goal("fita:build")));
    }

    private interface MavenRun {
        Run run() throws Exception;
    }

    /** Runs {@code run} with a JFR recording and appends the summary of fita's goals (fita:build's start to the end). */
    private Run profiled(Path settings, String name, MavenRun run, StringBuilder text) throws Exception {
        Path recording = work.resolve(name + ".jfr");
        maven.extraMavenOpts = "-XX:StartFlightRecording=filename=" + recording + ",settings=" + settings;
        Run r;
        try {
            r = run.run();
        } finally {
            maven.extraMavenOpts = "";
        }
        java.time.LocalTime from = Goals.at(r.log(), "--- fita:");
        java.time.LocalTime to = Goals.at(r.log(), "BUILD SUCCESS");
        text.append(String.format(Locale.ROOT, "# %s: %.2f s (%s); goals: %s%nSamples from %s (fita:build starts) to %s.%n",
                name, r.seconds(), maven.loadRange(), Goals.summary(r.goals()), from, to));
        text.append(JfrTop.summary(recording, from, to, null, 30)).append("\n\n");
        return r;
    }
}
