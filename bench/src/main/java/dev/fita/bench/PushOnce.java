package dev.fita.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import dev.fita.oci.Descriptor;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.LayoutPusher;
import dev.fita.oci.registry.PushResult;
import dev.fita.oci.registry.RegistryClient;

/**
 * One push in its own JVM: {@code PushOnce <layoutDir> <tag-in-layout> <target-ref> [<second-target-ref>]}.
 * Prints {@code pushMs=… blobsUploaded=… bytesUploaded=… …} so the driver can time the whole process
 * (JVM start included) and also read the push call's own time with cold code, as in a Maven build.
 * With a second target it pushes again with the code warm ({@code warmMs=…}).
 */
public final class PushOnce {

    private PushOnce() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Descriptor root = OciLayout.open(dir).resolve(args[1]);
        ImageReference target = ImageReference.parse(args[2]);
        // A fresh client per push: it must not mount blobs it saw in an earlier run's repository.
        // For profiling by hand: -Dbench.chunkMiB=… and -Dbench.concurrency=… (defaults: the library's).
        RegistryClient.Builder b = RegistryClient.builder().allowInsecure(true);
        Long chunkMiB = Long.getLong("bench.chunkMiB");
        if (chunkMiB != null) {
            b.chunkSize(chunkMiB * 1024 * 1024);
        }
        RegistryClient client = b.build();
        int concurrency = Integer.getInteger("bench.concurrency", LayoutPusher.DEFAULT_CONCURRENCY);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        PushResult r = new LayoutPusher(client, concurrency).push(dir, root, target, List.of(), null);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
        System.out.println("pushMs=" + ms + " blobsUploaded=" + r.blobsUploaded() + " bytesUploaded="
                + r.bytesUploaded() + " blobsPresent=" + r.blobsPresent() + " blobsMounted=" + r.blobsMounted()
                + " pushCpuMs=" + cpuMs);
        // With a second target (another, empty registry): push again in this now warm JVM, with a fresh client.
        if (args.length > 3) {
            RegistryClient fresh = b.build();
            cpu0 = os.getProcessCpuTime();
            start = System.nanoTime();
            PushResult again = new LayoutPusher(fresh, concurrency).push(dir, root, ImageReference.parse(args[3]),
                    List.of(), null);
            System.out.println("warmMs=" + (System.nanoTime() - start) / 1_000_000 + " warmBytesUploaded="
                    + again.bytesUploaded() + " warmCpuMs=" + (os.getProcessCpuTime() - cpu0) / 1_000_000);
        }
    }
}
