package dev.fita.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fita.oci.testing.RegistryProxy;
import dev.fita.oci.testing.RegistryProxy.Seen;
import dev.fita.oci.testing.TestRegistry;

/**
 * Latency mode (issue 12): each side's registry behind a {@link RegistryProxy} that holds every request
 * for 50 ms, as a registry tens of milliseconds away does, and the example project deployed by
 * {@code mvn package fita:push} and by {@code mvn package jib:build}: a new push, a no-op redeploy and a
 * one-class change, with the requests each made (counted at the proxy) and the time.
 */
final class Latency {

    static final Duration DELAY = Duration.ofMillis(50);
    private static final List<Integer> BASE_LAYERS_MIB = List.of(30, 10);
    private static final Pattern GOAL = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\[INFO\\] --- ([^:\\s]+):[^:\\s]+:(\\S+) ");

    private final Bench bench;
    private final Path work;
    private final Path example;
    private final Path mvnw;
    private final int runs;

    Latency(Bench bench, Path work, Path example, Path mvnw, int runs) {
        this.bench = bench;
        this.work = work;
        this.example = example;
        this.mvnw = mvnw;
        this.runs = runs;
    }

    /** One deploy: the whole command's time, its push goal's time, all requests, and the push goal's. */
    record Deploy(double seconds, double goalSeconds, List<Seen> requests, List<Seen> goalRequests) {
    }

    private final class Side {
        final String name;
        final Path app;
        final TestRegistry registry;
        final RegistryProxy proxy;

        Side(String name, TestRegistry registry) throws Exception {
            this.name = name;
            this.app = E2e.copy(example, work.resolve("latency-" + name));
            this.registry = registry;
            this.proxy = RegistryProxy.start(registry.host()).latency(DELAY);
        }

        boolean fita() {
            return name.equals("fita");
        }

        Deploy deploy(String repo) throws Exception {
            List<String> cmd = E2e.command(mvnw, app, fita(), proxy.host(), repo);
            proxy.clear();
            Bench.Timed t = bench.run(cmd, Map.of("MAVEN_OPTS",
                    "-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"));
            List<Seen> all = proxy.seen();
            String goal = fita() ? "push" : "build";
            String plugin = fita() ? "fita" : "jib";
            long goalStart = goalStart(t.stdout(), plugin, goal);
            List<Seen> inGoal = all.stream().filter(s -> s.atMillis() >= goalStart).toList();
            double goalSeconds = E2e.goalSeconds(t.stdout(), "--- " + plugin, ":" + goal + " ");
            Bench.log("latency %s %s: %.2f s in all, %s goal %.2f s; %d requests (%s), %d in the %s goal (%s)", name, repo,
                    t.seconds(), goal, goalSeconds, all.size(), summary(all), inGoal.size(), goal, summary(inGoal));
            return new Deploy(t.seconds(), goalSeconds, all, inGoal);
        }
    }

    void run() throws Exception {
        Path base = work.resolve("latency-base");
        BenchLayouts.writeBase(base, BASE_LAYERS_MIB, 1234);
        try (TestRegistry rf = bench.registry(); TestRegistry rj = bench.registry()) {
            Side fita = new Side("fita", rf);
            Side jib = new Side("jib", rj);
            try {
                for (TestRegistry r : List.of(rf, rj)) {
                    bench.run(List.of("skopeo", "copy", "--all", "--quiet", "--dest-tls-verify=false",
                            "oci:" + base + ":" + BenchLayouts.TAG, "docker://" + r.host() + "/base/java:1"));
                }
                List<Side> sides = List.of(fita, jib);
                Map<String, List<List<Deploy>>> results = new TreeMap<>();
                for (String scenario : List.of("1 new", "2 no-op", "3 one class")) {
                    results.put(scenario, List.of(new ArrayList<>(), new ArrayList<>()));
                }
                // Run 0 warms the caches and creates app/temperature-sensor, which the no-op and one-class runs reuse.
                for (int i = 0; i <= runs; i++) {
                    for (int s = 0; s < 2; s++) {
                        Side side = sides.get(s);
                        Deploy fresh = side.deploy("latency-new-" + i + "/temperature-sensor");
                        if (i == 0) {
                            side.deploy("app/temperature-sensor");
                            continue;
                        }
                        results.get("1 new").get(s).add(fresh);
                        results.get("2 no-op").get(s).add(side.deploy("app/temperature-sensor"));
                        E2e.changeOneClass(side.app, i);
                        results.get("3 one class").get(s).add(side.deploy("app/temperature-sensor"));
                    }
                }
                print("new push (new repository, base image on the registry)", results.get("1 new"));
                print("no-op redeploy (same sources, same repository)", results.get("2 no-op"));
                print("one class changed", results.get("3 one class"));
            } finally {
                fita.proxy.close();
                jib.proxy.close();
            }
        }
    }

    private static void print(String scenario, List<List<Deploy>> bySide) {
        List<Deploy> f = bySide.get(0);
        List<Deploy> j = bySide.get(1);
        String label = "L. " + DELAY.toMillis() + " ms per request, " + scenario;
        System.out.println(Stats.row(label + ": whole `mvn package fita:push`", seconds(f), "s",
                String.format(Locale.ROOT, "%.2f× jib; %s requests (%s)", Stats.median(seconds(f)) / Stats.median(seconds(j)),
                        median(f, false), summary(last(f).requests())), "", null));
        System.out.println(Stats.row(label + ": **fita:push goal**", goalSeconds(f), "s",
                String.format(Locale.ROOT, "%s requests (%s)", median(f, true), summary(last(f).goalRequests())), "", null));
        System.out.println(Stats.row(label + ": whole `mvn package jib:build`", seconds(j), "s",
                String.format(Locale.ROOT, "%s requests (%s)", median(j, false), summary(last(j).requests())), "", null));
        System.out.println(Stats.row(label + ": jib:build goal (builds and pushes)", goalSeconds(j), "s",
                String.format(Locale.ROOT, "%s requests", median(j, true)), "", null));
    }

    private static List<Double> seconds(List<Deploy> ds) {
        return ds.stream().map(Deploy::seconds).toList();
    }

    private static List<Double> goalSeconds(List<Deploy> ds) {
        return ds.stream().map(Deploy::goalSeconds).toList();
    }

    private static Deploy last(List<Deploy> ds) {
        return ds.get(ds.size() - 1);
    }

    private static String median(List<Deploy> ds, boolean goal) {
        return String.format(Locale.ROOT, "%.0f",
                Stats.median(ds.stream().map(d -> (double) (goal ? d.goalRequests() : d.requests()).size()).toList()));
    }

    /** "3 HEAD manifest, 10 HEAD blob, 2 PUT manifest": what was asked, by method and endpoint. */
    static String summary(List<Seen> seen) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Seen s : seen) {
            String what = s.path().equals("/v2/") ? "ping" : s.path().contains("/blobs/uploads") ? "upload"
                    : s.path().contains("/blobs/") ? "blob" : s.path().contains("/manifests/") ? "manifest" : "other";
            counts.merge(s.method() + " " + what, 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
        return b.length() == 0 ? "none" : b.toString();
    }

    /** When the goal began (epoch ms), from Maven's time-stamped "--- plugin:version:goal" line of today. */
    private static long goalStart(String log, String plugin, String goal) {
        for (String line : log.split("\n")) {
            Matcher m = GOAL.matcher(line);
            if (m.find() && m.group(2).equals(plugin) && m.group(3).equals(goal)) {
                return LocalTime.parse(m.group(1)).atDate(LocalDate.now()).atZone(ZoneId.systemDefault())
                        .toInstant().toEpochMilli();
            }
        }
        throw new IllegalStateException("no '--- " + plugin + ":…:" + goal + "' line in the Maven log:\n" + log);
    }
}
