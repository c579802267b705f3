package dev.fita.maven.push;

import dev.fita.oci.registry.PushResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines {@code push} prints: one reference per tag, then what was uploaded vs. already there. */
public final class PushReport {
    private PushReport() {}

    public static List<String> lines(PushResult result) {
        List<String> lines = new ArrayList<>();
        for (String tag : result.tags()) {
            lines.add("Pushed " + result.target().name() + ":" + tag + "@" + result.rootDigest());
        }
        lines.add("Uploaded " + result.blobsUploaded() + " blobs (" + megabytes(result.bytesUploaded()) + "), "
                + result.blobsPresent() + " already present (" + megabytes(result.bytesPresent()) + "), "
                + result.blobsMounted() + " mounted");
        return lines;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
