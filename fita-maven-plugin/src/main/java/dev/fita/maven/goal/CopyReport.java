package dev.fita.maven.goal;

import dev.fita.oci.content.CopyResult;
import dev.fita.oci.registry.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines push and append print: one reference per tag, then what was uploaded vs. already there. */
public final class CopyReport {
    private CopyReport() {}

    public static List<String> lines(ImageReference target, CopyResult result) {
        List<String> lines = new ArrayList<>();
        for (String tag : result.tags()) {
            lines.add("Pushed " + target.name() + ":" + tag + "@" + result.root().digest());
        }
        lines.add("Uploaded " + result.blobsCopied() + " blobs (" + megabytes(result.bytesCopied()) + "), "
                + result.blobsPresent() + " already present (" + megabytes(result.bytesPresent()) + "), "
                + result.blobsMounted() + " mounted");
        return lines;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
