package dev.fita.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import dev.fita.oci.Descriptor;
import dev.fita.oci.content.CopyOptions;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.ImageReference;
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
        OciLayout layout = OciLayout.open(Path.of(args[0]));
        Descriptor root = layout.require(args[1]);
        ImageReference target = ImageReference.parse(args[2]);
        // A fresh client and copy per push: neither may mount blobs seen in an earlier run's repository.
        // For profiling by hand: -Dbench.chunkMiB=… and -Dbench.concurrency=… (defaults: the library's).
        RegistryClient.Builder b = RegistryClient.builder().allowInsecure(true);
        Long chunkMiB = Long.getLong("bench.chunkMiB");
        if (chunkMiB != null) {
            b.chunkSize(chunkMiB * 1024 * 1024);
        }
        RegistryClient client = b.build();
        CopyOptions options = CopyOptions.DEFAULT.withConcurrency(
                Integer.getInteger("bench.concurrency", CopyOptions.DEFAULT_CONCURRENCY));
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        CopyResult r = new GraphCopy(options).copy(layout, root, client.target(target), target.tagsWith(List.of()), null);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
        System.out.println("pushMs=" + ms + " blobsUploaded=" + r.blobsCopied() + " bytesUploaded="
                + r.bytesCopied() + " blobsPresent=" + r.blobsPresent() + " blobsMounted=" + r.blobsMounted()
                + " pushCpuMs=" + cpuMs);
        // With a second target (another, empty registry): push again in this now warm JVM, with a fresh client.
        if (args.length > 3) {
            RegistryClient fresh = b.build();
            cpu0 = os.getProcessCpuTime();
            start = System.nanoTime();
            ImageReference second = ImageReference.parse(args[3]);
            CopyResult again = new GraphCopy(options).copy(layout, root, fresh.target(second), second.tagsWith(List.of()),
                    null);
            System.out.println("warmMs=" + (System.nanoTime() - start) / 1_000_000 + " warmBytesUploaded="
                    + again.bytesCopied() + " warmCpuMs=" + (os.getProcessCpuTime() - cpu0) / 1_000_000);
        }
    }
}
