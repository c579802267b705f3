package dev.fita.maven.goal;

import dev.fita.oci.Descriptor;
import dev.fita.oci.content.CopyListener;
import org.apache.maven.plugin.logging.Log;

/** Debug lines per blob, manifest and tag, and an info line every quarter of the bytes (push and append). */
public final class CopyProgressLog implements CopyListener {
    private static final long MIN_BYTES_FOR_PROGRESS = 1_000_000;

    private final Log log;
    private final String activity;
    private int lastQuarter = -1;

    /** {@code activity} starts the progress line, e.g. "Pushing blobs". */
    public CopyProgressLog(Log log, String activity) {
        this.log = log;
        this.activity = activity;
    }

    @Override
    public void blobCopied(Descriptor d) {
        log.debug("Uploaded " + d.digest() + " (" + d.size() + " bytes)");
    }

    @Override
    public void blobPresent(Descriptor d) {
        log.debug("Already present " + d.digest());
    }

    @Override
    public void blobMounted(Descriptor d, String fromRepository) {
        log.debug("Mounted " + d.digest() + " from " + fromRepository);
    }

    @Override
    public void manifestCopied(Descriptor d) {
        log.debug("Pushed manifest " + d.digest() + " (" + d.mediaType() + ")");
    }

    @Override
    public void manifestPresent(Descriptor d) {
        log.debug("Manifest already present " + d.digest());
    }

    @Override
    public void tagged(String tag) {
        log.debug("Tagged " + tag);
    }

    @Override
    public void tagPresent(String tag) {
        log.debug("Tag " + tag + " already points at the image");
    }

    @Override
    public synchronized void progress(long bytesDone, long bytesTotal) {
        if (bytesTotal < MIN_BYTES_FOR_PROGRESS) {
            return; // a push of a few kilobytes needs no progress lines
        }
        int percent = bytesTotal <= 0 ? 100 : (int) (bytesDone * 100 / bytesTotal);
        int quarter = percent / 25;
        if (quarter > lastQuarter) {
            lastQuarter = quarter;
            log.info(activity + ": " + percent + "% of " + CopyReport.megabytes(bytesTotal));
        }
    }
}
