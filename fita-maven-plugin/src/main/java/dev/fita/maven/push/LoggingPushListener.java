package dev.fita.maven.push;

import dev.fita.oci.Descriptor;
import dev.fita.oci.registry.PushListener;
import org.apache.maven.plugin.logging.Log;

/** Debug lines per blob and manifest, and an info line every quarter of the bytes (push and append). */
public final class LoggingPushListener implements PushListener {
    private static final long MIN_BYTES_FOR_PROGRESS = 1_000_000;

    private final Log log;
    private final String activity;
    private int lastQuarter = -1;

    /** {@code activity} starts the progress line, e.g. "Pushing blobs". */
    public LoggingPushListener(Log log, String activity) {
        this.log = log;
        this.activity = activity;
    }

    @Override
    public void blobUploaded(Descriptor d) {
        log.debug("Uploaded " + d.digest() + " (" + d.size() + " bytes)");
    }

    @Override
    public void blobPresent(Descriptor d) {
        log.debug("Already present " + d.digest());
    }

    @Override
    public void blobMounted(Descriptor d) {
        log.debug("Mounted " + d.digest());
    }

    @Override
    public void manifestPushed(Descriptor d) {
        log.debug("Pushed manifest " + d.digest() + " (" + d.mediaType() + ")");
    }

    @Override
    public void tagged(String tag) {
        log.debug("Tagged " + tag);
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
            log.info(activity + ": " + percent + "% of " + PushReport.megabytes(bytesTotal));
        }
    }
}
