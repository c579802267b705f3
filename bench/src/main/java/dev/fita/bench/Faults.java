package dev.fita.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.fita.oci.Descriptor;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.content.ReadableStorage;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.registry.RegistryException;
import dev.fita.oci.testing.HookedStorage;
import dev.fita.oci.testing.RegistryProxy;
import dev.fita.oci.testing.TestRegistry;

/**
 * Issue 12's fault-proxy figure: pushes of a 26 MiB layout (two linux platforms and the embServe entry)
 * through a {@link RegistryProxy} answering 20 % of requests 503, 10 % 429 with {@code Retry-After: 1}
 * and resetting 10 % of connections, with the default retry policy, one after another: how many end
 * with the clean push's index, and how long each takes; skopeo under the same proxy; and how long a push
 * takes to fail once its registry is killed.
 */
final class Faults {

    private static final int PUSHES = 10;
    private static final int SKOPEO_RUNS = 3;
    private static final List<Integer> LAYERS_MIB = List.of(8, 4, 1);

    private final Bench bench;
    private final Path work;

    Faults(Bench bench, Path work) {
        this.bench = bench;
        this.work = work;
    }

    void run() throws Exception {
        Path dir = work.resolve("faults-layout");
        Descriptor root = BenchLayouts.write(dir, LAYERS_MIB, 77);
        OciLayout layout = OciLayout.open(dir);
        try (TestRegistry registry = bench.registry()) {
            Descriptor clean = push(layout, root, ImageReference.parse(registry.host() + "/clean:" + BenchLayouts.TAG));
            List<Double> times = new ArrayList<>();
            int same = 0;
            for (int i = 1; i <= PUSHES; i++) {
                try (RegistryProxy proxy = RegistryProxy.start(registry.host())
                        .faults(RegistryProxy.randomFaults(i, 20, 10, 10))) {
                    long start = System.nanoTime();
                    try {
                        Descriptor pushed = push(layout, root, ImageReference.parse(proxy.host() + "/faults-" + i + ":"
                                + BenchLayouts.TAG));
                        same += pushed.equals(clean) ? 1 : 0;
                    } catch (RegistryException e) {
                        Bench.log("fault push %d failed: %s", i, e.getMessage());
                    }
                    times.add((System.nanoTime() - start) / 1e9);
                    Bench.log("fault push %d: %.1f s, %d requests, %d faults", i, times.get(times.size() - 1),
                            proxy.seen().size(), proxy.count(s -> s.fault() != RegistryProxy.Fault.NONE));
                }
            }
            boolean met = same == PUSHES && times.stream().allMatch(t -> t <= 180);
            System.out.println(Stats.row("F. fault proxy (20 % 503, 10 % 429 Retry-After: 1, 10 % resets): **fita push**"
                    + " of 26 MiB, default retry policy", times, "s", String.format(Locale.ROOT,
                            "**%d/%d** with the clean push's index digest", same, PUSHES), "10/10, each ≤ 3 min", met));
            skopeo(dir, registry);
        }
        dead(layout, root);
    }

    private void skopeo(Path dir, TestRegistry registry) throws Exception {
        List<Double> times = new ArrayList<>();
        int ok = 0;
        for (int i = 1; i <= SKOPEO_RUNS; i++) {
            try (RegistryProxy proxy = RegistryProxy.start(registry.host()).faults(RegistryProxy.randomFaults(100 + i, 20, 10, 10))) {
                long start = System.nanoTime();
                try {
                    bench.run(List.of("skopeo", "copy", "--all", "--quiet", "--dest-tls-verify=false",
                            "oci:" + dir + ":" + BenchLayouts.TAG, "docker://" + proxy.host() + "/skopeo-" + i + ":"
                                    + BenchLayouts.TAG));
                    ok++;
                } catch (IllegalStateException failed) {
                    Bench.log("skopeo under faults, run %d failed: %s", i, failed.getMessage().lines().reduce((a, b) -> b)
                            .orElse(""));
                }
                times.add((System.nanoTime() - start) / 1e9);
            }
        }
        System.out.println(Stats.row("F. the same proxy: `skopeo copy --all` (its defaults)", times, "s",
                String.format(Locale.ROOT, "%d/%d succeeded", ok, SKOPEO_RUNS), "", null));
    }

    /** The registry is killed as the first layer's upload starts: how long until the push fails, and with what. */
    private void dead(OciLayout layout, Descriptor root) throws Exception {
        TestRegistry dying = bench.registry();
        long[] killedAt = {0};
        ReadableStorage killing = new HookedStorage(layout, (d, in) -> {
            if (killedAt[0] == 0 && d.mediaType().equals(MediaTypes.OCI_LAYER_GZIP) && d.size() > 1024 * 1024) {
                dying.close();
                killedAt[0] = System.nanoTime();
            }
            return in;
        });
        ImageReference target = ImageReference.parse(dying.host() + "/dead:" + BenchLayouts.TAG);
        String sentence = "(it did not fail)";
        try {
            new GraphCopy().copy(killing, root, RegistryClient.builder().allowInsecure(true).build().target(target),
                    target.tagsWith(List.of()), null);
        } catch (RegistryException e) {
            sentence = e.getMessage();
        }
        double after = (System.nanoTime() - killedAt[0]) / 1e9;
        Bench.log("dead registry: failed %.1f s after the kill: %s", after, sentence);
        System.out.println(String.format(Locale.ROOT, "| F. registry killed mid-push: fita push fails after | 1 | | **%.1f s** |"
                + " | \"%s\" | ~30 s, one sentence | %s |", after, sentence.replace("|", "\\|"), after <= 40 ? "met" : "missed"));
    }

    private static Descriptor push(OciLayout layout, Descriptor root, ImageReference target) {
        // A fresh client and copy per push: nothing learned from an earlier one.
        return new GraphCopy().copy(layout, root, RegistryClient.builder().allowInsecure(true).build().target(target),
                target.tagsWith(List.of("latest")), null).root();
    }
}
