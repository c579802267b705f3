package dev.fita.bench;

import java.nio.file.Path;
import java.util.List;

import dev.fita.oci.Descriptor;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.LayoutPusher;
import dev.fita.oci.registry.PushResult;
import dev.fita.oci.registry.RegistryClient;

/**
 * One push in its own JVM, as the plugin does it: {@code PushOnce <layoutDir> <tag-in-layout> <target-ref>}.
 * Prints {@code pushMs=… blobsUploaded=… bytesUploaded=… blobsPresent=…} so the driver can time the
 * whole process (JVM start included) and also read the push call's own time.
 */
public final class PushOnce {

    private PushOnce() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Descriptor root = OciLayout.open(dir).resolve(args[1]);
        ImageReference target = ImageReference.parse(args[2]);
        // A fresh client per push: it must not mount blobs it saw in an earlier run's repository.
        RegistryClient client = RegistryClient.builder().allowInsecure(true).build();
        long start = System.nanoTime();
        PushResult r = new LayoutPusher(client).push(dir, root, target, List.of(), null);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("pushMs=" + ms + " blobsUploaded=" + r.blobsUploaded() + " bytesUploaded="
                + r.bytesUploaded() + " blobsPresent=" + r.blobsPresent() + " blobsMounted=" + r.blobsMounted());
    }
}
