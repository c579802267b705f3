package dev.fita.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.fita.oci.testing.TestRegistry;

/**
 * {@code mvn} runs of a bench app by fita ({@code package [fita:push]}) or by jib-maven-plugin 3.5.2
 * ({@code package jib:build}), with the same base image, target and platforms given as properties; each
 * timed as a whole process (JVM start included), with its goals' times, its peak RSS and the requests
 * the registry saw. jib's copy of the project has no fita plugin (a Jib user's pom has none: a skipped
 * fita goal would still cost jib's side its plugin's loading).
 */
final class MavenRuns {

    enum Tool { FITA, JIB }

    /** A project to build: copied per tool, never built in place. */
    record App(String name, Path source, String mainClass, List<String> tags) {}

    record Run(double seconds, Map<String, Double> goals, long peakRssKiB, String requests, String log) {
        double goal(String name) {
            return goals.getOrDefault(name, 0.0);
        }
    }

    private final Bench bench;
    private final Path mvnw;
    /** The 1-minute load average before each run since the last {@link #loadRange}. */
    private final List<Double> loads = new ArrayList<>();
    /** Added to MAVEN_OPTS (a JFR recording, for the profile). */
    String extraMavenOpts = "";

    MavenRuns(Bench bench, Path mvnw) {
        this.bench = bench;
        this.mvnw = mvnw;
    }

    /** Copies {@code app} (without target/) to {@code to}; jib's copy loses the fita plugin block. */
    static Path copy(App app, Path to, Tool tool) throws IOException {
        copyTree(app.source(), to);
        if (tool == Tool.JIB) {
            Path pom = to.resolve("pom.xml");
            String text = Files.readString(pom);
            String without = text.replaceAll("(?s)<plugin>\\s*(<!--[^>]*-->\\s*)*<groupId>dev\\.fita</groupId>.*?</plugin>", "");
            if (without.equals(text)) {
                throw new IllegalStateException("no fita plugin block found in " + pom);
            }
            Files.writeString(pom, without);
        }
        return to;
    }

    /**
     * One run. {@code push}: fita:push / jib:build after package; else {@code package} alone (fita builds
     * the layout; jib is not run then). Requests are counted on {@code registry}'s log.
     */
    Run run(App app, Path project, Tool tool, boolean push, TestRegistry registry, List<String> platforms,
            boolean offline) throws Exception {
        String target = registry.host() + "/" + app.name() + ":0.0.1";
        List<String> cmd = new ArrayList<>(List.of(mvnw.toString(), "-B", "-ntp", "-Dstyle.color=never"));
        cmd.addAll(Bench.mavenArgs());
        cmd.addAll(List.of("-f", project.resolve("pom.xml").toString(), "package"));
        if (offline) {
            cmd.add("-o");
        }
        String base = Registries.baseImage(registry);
        if (tool == Tool.FITA) {
            if (push) {
                cmd.add("fita:push");
            }
            cmd.addAll(List.of("-Dfita.from.image=" + base, "-Dfita.to.image=" + target,
                    "-Dfita.allowInsecureRegistries=true", "-Dfita.platforms=" + String.join(",", platforms)));
        } else {
            if (!push) {
                throw new IllegalArgumentException("jib's side always builds and pushes (jib:build)");
            }
            cmd.addAll(List.of(E2e.JIB, "-Djib.from.image=" + base, "-Djib.to.image=" + target,
                    "-Djib.allowInsecureRegistries=true", "-Djib.from.platforms=" + String.join(",", platforms),
                    "-Djib.container.mainClass=" + app.mainClass(), "-Djib.disableUpdateChecks=true"));
            if (!app.tags().isEmpty()) {
                cmd.add("-Djib.to.tags=" + String.join(",", app.tags()));
            }
        }
        Path log = registry.directory().resolve("registry.log");
        int logLines = Files.readAllLines(log).size();
        Path rss = Files.createTempFile(bench.work, "rss-", ".txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
        timed.addAll(cmd);
        loads.add(Bench.loadAverage());
        Bench.Timed t = bench.run(timed, Map.of("MAVEN_OPTS", (Goals.MAVEN_OPTS + " " + extraMavenOpts).trim()));
        long kib = Files.readAllLines(rss).stream().filter(s -> s.matches("\\d+")).mapToLong(Long::parseLong)
                .findFirst().orElse(-1);
        Files.delete(rss);
        List<String> all = Files.readAllLines(log);
        String requests = Requests.summary(all.subList(Math.min(logLines, all.size()), all.size()));
        Run r = new Run(t.seconds(), Goals.parse(t.stdout()), kib, requests, t.stdout());
        Bench.log("%s %s %s%s %s: %.2f s, peak RSS %d MiB; goals: %s; requests: %s", tool, app.name(),
                push ? "package+push" : "package", offline ? " -o" : "", platforms, r.seconds(), kib / 1024,
                Goals.summary(r.goals()), requests);
        return r;
    }

    /** "load 1.2–3.4": the range of the load average over the runs since the last call. */
    String loadRange() {
        String range = loads.isEmpty() ? "" : String.format(java.util.Locale.ROOT, "load %.1f–%.1f",
                loads.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                loads.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        loads.clear();
        return range;
    }

    /** Copies a project directory without its target/. */
    static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path rel = from.relativize(p);
                if (rel.startsWith("target")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /** Splits BENCH_MAVEN_ARGS (set by bench/run, e.g. a private local repository) into arguments. */
    static List<String> splitArgs(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }
}
