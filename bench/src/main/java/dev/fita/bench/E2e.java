package dev.fita.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fita.oci.testing.TestRegistry;

/**
 * Benchmarks 2–4 on the example project: {@code mvn package fita:push} vs
 * {@code mvn package jib:build} (jib-maven-plugin 3.5.2, same base image, same two platforms).
 * Each tool gets its own copy of the project and its own registry, holding the same generated
 * base image, so that the registry's storage growth is exactly what that tool uploaded.
 */
final class E2e {

    static final String JIB = "com.google.cloud.tools:jib-maven-plugin:3.5.2:build";
    /** Base image per platform: a 30 MiB and a 10 MiB layer (an OS and a JRE, say). */
    private static final List<Integer> BASE_LAYERS_MIB = List.of(30, 10);
    private static final Pattern TS = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) ");
    private static final Pattern FITA_UPLOADED = Pattern.compile("Uploaded (\\d+) blobs \\(([0-9.]+) MB\\)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final Bench bench;
    private final Path work;
    private final Path example;
    private final Path mvnw;
    private final int runs;

    E2e(Bench bench, Path work, Path example, Path mvnw, int runs) {
        this.bench = bench;
        this.work = work;
        this.example = example;
        this.mvnw = mvnw;
        this.runs = runs;
    }

    private final class Side {
        final String name;
        final Path app;
        final TestRegistry registry;

        Side(String name, Path app, TestRegistry registry) {
            this.name = name;
            this.app = app;
            this.registry = registry;
        }

        boolean fita() {
            return name.equals("fita");
        }

        /** {@code mvn package <push goal>} to {@code repo}; returns the whole time, the goal's time and the storage growth. */
        Result deploy(String repo) throws Exception {
            List<String> cmd = command(mvnw, app, fita(), registry.host(), repo);
            long before = Bench.directorySize(registry.storageDir());
            Path log = registry.directory().resolve("registry.log");
            int logLines = Files.readAllLines(log).size();
            Bench.Timed t = bench.run(cmd, Map.of("MAVEN_OPTS",
                    "-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"));
            long grown = Bench.directorySize(registry.storageDir()) - before;
            List<String> all = Files.readAllLines(log);
            String requests = Requests.summary(all.subList(Math.min(logLines, all.size()), all.size()));
            double goal = goalSeconds(t.stdout(), fita() ? "--- fita" : "--- jib", fita() ? ":push " : ":build ");
            // What jib:build does (build and push the image) takes two goals here: fita:build and fita:push.
            double imageGoals = goalSeconds(t.stdout(), fita() ? "--- fita" : "--- jib", ":build ");
            String reported = "";
            if (fita()) {
                Matcher m = FITA_UPLOADED.matcher(t.stdout());
                if (!m.find()) {
                    throw new IllegalStateException("fita:push printed no 'Uploaded … blobs' line:\n" + t.stdout());
                }
                reported = m.group(1) + " blobs, " + m.group(2) + " MB";
            }
            Bench.log("%s %s: %.2f s in all, push goal %.2f s, image goals %.2f s, registry grew by %d bytes %s;"
                    + " requests: %s; goals: %s", name, repo, t.seconds(), goal, imageGoals, grown, reported, requests,
                    breakdown(t.stdout()));
            return new Result(t.seconds(), goal, imageGoals, grown, reported, requests);
        }
    }

    /**
     * {@code mvn package fita:push} or {@code mvn package jib:build} of {@code app}, from {@code host}'s
     * {@code base/java:1} to {@code host/repo:0.0.1}.
     */
    static List<String> command(Path mvnw, Path app, boolean fita, String host, String repo) {
        String image = host + "/" + repo + ":0.0.1";
        List<String> cmd = new ArrayList<>(List.of(mvnw.toString(), "-B", "-ntp", "-Dstyle.color=never"));
        cmd.addAll(Bench.mavenArgs());
        cmd.addAll(List.of("-f", app.resolve("pom.xml").toString(), "package"));
        if (fita) {
            cmd.addAll(List.of("fita:push", "-Dfita.registry=" + host, "-Dfita.from.image=" + host + "/base/java:1",
                    "-Dfita.allowInsecureRegistries=true", "-Dfita.to.image=" + image));
        } else {
            cmd.addAll(List.of(JIB, "-Dfita.skip=true", "-Djib.from.image=" + host + "/base/java:1",
                    "-Djib.to.image=" + image, "-Djib.to.tags=latest", "-Djib.allowInsecureRegistries=true",
                    "-Djib.from.platforms=linux/amd64,linux/arm64", "-Djib.container.mainClass=org.example.Main",
                    "-Djib.disableUpdateChecks=true"));
        }
        return cmd;
    }

    record Result(double seconds, double goalSeconds, double imageGoalsSeconds, long storedBytes, String reported,
            String requests) {
    }

    void run() throws Exception {
        Path base = work.resolve("base");
        BenchLayouts.writeBase(base, BASE_LAYERS_MIB, 1234);
        try (TestRegistry rf = bench.registry(); TestRegistry rj = bench.registry()) {
            Side fita = new Side("fita", copy(example, work.resolve("app-fita")), rf);
            Side jib = new Side("jib", copy(example, work.resolve("app-jib")), rj);
            for (TestRegistry r : List.of(rf, rj)) {
                bench.run(List.of("skopeo", "copy", "--all", "--quiet", "--dest-tls-verify=false",
                        "oci:" + base + ":" + BenchLayouts.TAG, "docker://" + r.host() + "/base/java:1"));
            }
            List<Side> sides = List.of(fita, jib);

            // 2. end to end: a fresh repository per run (the base layers are in base/java on the same registry)
            List<List<Double>> e2e = List.of(new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i <= runs; i++) {
                for (int s = 0; s < 2; s++) {
                    Result r = sides.get(s).deploy("e2e-" + i + "/temperature-sensor");
                    if (i > 0) {
                        e2e.get(s).add(r.seconds());
                    }
                }
            }
            double ratio = Stats.median(e2e.get(0)) / Stats.median(e2e.get(1));
            System.out.println(Stats.row("2. end to end `mvn package fita:push` (new repository, warm caches)", e2e.get(0),
                    "s", String.format(Locale.ROOT, "**%.2f×** jib", ratio), "≤ 1.1×", ratio <= 1.1));
            System.out.println(Stats.row("2. end to end `mvn package jib:build` (jib-maven-plugin 3.5.2)", e2e.get(1),
                    "s", "1.00", "", null));

            // 3. no-op redeploy: the same sources to the same repository again
            List<List<Double>> goal = List.of(new ArrayList<>(), new ArrayList<>());
            List<List<Double>> whole = List.of(new ArrayList<>(), new ArrayList<>());
            List<List<Double>> image = List.of(new ArrayList<>(), new ArrayList<>());
            long[] maxStored = new long[2];
            String fitaReported = "";
            for (int i = 0; i <= runs; i++) {
                for (int s = 0; s < 2; s++) {
                    Result r = sides.get(s).deploy("app/temperature-sensor");
                    if (i > 0) {
                        goal.get(s).add(r.goalSeconds());
                        whole.get(s).add(r.seconds());
                        image.get(s).add(r.imageGoalsSeconds());
                        maxStored[s] = Math.max(maxStored[s], r.storedBytes());
                        if (s == 0) {
                            fitaReported = r.reported();
                        }
                    }
                }
            }
            double g = Stats.median(goal.get(0));
            System.out.println(Stats.row("3. no-op redeploy: **fita:push goal** (" + fitaReported + " uploaded; registry grew "
                    + maxStored[0] + " B)", goal.get(0), "s", String.format(Locale.ROOT, "%.2f× jib:build goal",
                    g / Stats.median(goal.get(1))), "≤ 1 s, 0 bytes", g <= 1.0 && maxStored[0] == 0));
            System.out.println(Stats.row("3. no-op redeploy: jib:build goal (builds and pushes; registry grew " + maxStored[1] + " B)",
                    goal.get(1), "s", "", "", null));
            System.out.println(Stats.row("3. no-op redeploy: fita:build + fita:push goals (what jib:build does)", image.get(0),
                    "s", String.format(Locale.ROOT, "%.2f× jib:build goal", Stats.median(image.get(0))
                            / Stats.median(image.get(1))), "", null));
            System.out.println(Stats.row("3. no-op redeploy: whole `mvn package fita:push`", whole.get(0), "s",
                    String.format(Locale.ROOT, "%.2f× jib", Stats.median(whole.get(0)) / Stats.median(whole.get(1))), "", null));
            System.out.println(Stats.row("3. no-op redeploy: whole `mvn package jib:build`", whole.get(1), "s", "", "", null));

            // 4. incremental: one class changed, same repository
            List<List<Double>> bytes = List.of(new ArrayList<>(), new ArrayList<>());
            List<List<Double>> incTime = List.of(new ArrayList<>(), new ArrayList<>());
            String reported = "";
            int incRuns = Math.max(3, runs / 2);
            for (int i = 1; i <= incRuns; i++) {
                for (int s = 0; s < 2; s++) {
                    changeOneClass(sides.get(s).app, i);
                    Result r = sides.get(s).deploy("app/temperature-sensor");
                    bytes.get(s).add((double) r.storedBytes());
                    incTime.get(s).add(r.seconds());
                    if (s == 0) {
                        reported = r.reported();
                    }
                }
            }
            System.out.println(bytesRow("4. incremental, one class changed: **fita** bytes new in the registry (fita says: "
                    + reported + ")", bytes.get(0), String.format(Locale.ROOT, "%.2f× jib",
                    Stats.median(bytes.get(0)) / Stats.median(bytes.get(1))), "only changed layers + manifests",
                    // Any base or dependency layer would be megabytes; the classes layer, configs and manifests are KiB.
                    bytes.get(0).stream().allMatch(b -> b < 1024 * 1024)));
            System.out.println(bytesRow("4. incremental: jib bytes new in the registry", bytes.get(1), "", "", null));
            System.out.println(Stats.row("4. incremental: whole `mvn package fita:push`", incTime.get(0), "s",
                    String.format(Locale.ROOT, "%.2f× jib", Stats.median(incTime.get(0)) / Stats.median(incTime.get(1))),
                    "", null));
            System.out.println(Stats.row("4. incremental: whole `mvn package jib:build`", incTime.get(1), "s", "", "", null));
        }
    }

    private static String bytesRow(String what, List<Double> xs, String ratio, String target, Boolean met) {
        return String.format(Locale.ROOT, "| %s | %d | %.0f B | **%.0f B** | %.0f B | %s | %s | %s |", what, xs.size(),
                xs.stream().mapToDouble(Double::doubleValue).min().orElse(0), Stats.median(xs),
                xs.stream().mapToDouble(Double::doubleValue).max().orElse(0), ratio, target,
                met == null ? "" : met ? "met" : "missed");
    }

    /** Adds a constant to the main class: its bytecode, and so the classes layer, changes. */
    static void changeOneClass(Path app, int n) throws IOException {
        Path main = app.resolve("src/main/java/org/example/Main.java");
        String src = Files.readString(main);
        src = src.replaceAll("\\n\\s*static final String BENCH_EDIT = \"\\d+\";", "");
        int brace = src.indexOf('{', src.indexOf("class Main"));
        src = src.substring(0, brace + 1) + "\n    static final String BENCH_EDIT = \"" + n + "\";" + src.substring(brace + 1);
        Files.writeString(main, src);
    }

    /** Each goal's time, for the log: where a build spends it. */
    static String breakdown(String log) {
        return Goals.summary(Goals.parse(log));
    }

    /** The time from the goal's "--- plugin:version:goal" line to the BUILD SUCCESS line. */
    static double goalSeconds(String log, String goalMarker, String goalName) {
        LocalTime start = null;
        LocalTime end = null;
        for (String line : log.split("\n")) {
            Matcher m = TS.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (line.contains(goalMarker) && line.contains(goalName)) {
                start = LocalTime.parse(m.group(1), TIME);
            } else if (start != null && line.contains("BUILD SUCCESS")) {
                end = LocalTime.parse(m.group(1), TIME);
            }
        }
        if (start == null || end == null) {
            throw new IllegalStateException("no timestamps for " + goalMarker + " in the Maven log:\n" + log);
        }
        long ms = java.time.Duration.between(start, end).toMillis();
        return (ms < 0 ? ms + 86_400_000 : ms) / 1000.0;
    }

    static Path copy(Path from, Path to) throws IOException {
        return MavenRuns.copyTree(from, to);
    }
}
