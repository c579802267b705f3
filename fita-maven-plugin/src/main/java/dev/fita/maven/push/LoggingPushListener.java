package dev.fita.maven.push;

import dev.fita.maven.console.TransferProgress;
import dev.fita.oci.Descriptor;
import dev.fita.oci.registry.PushListener;
import org.apache.maven.plugin.logging.Log;

/**
 * Debug lines per blob and manifest, and the bytes pushed so far with the rate (push and append): a
 * footer line in a terminal, periodic lines otherwise (see {@link TransferProgress}).
 */
public final class LoggingPushListener implements PushListener {
    private final Log log;
    private final TransferProgress progress;

    /** {@code activity} starts the progress line, e.g. "Pushing blobs". */
    public LoggingPushListener(Log log, String activity) {
        this.log = log;
        this.progress = TransferProgress.of(log, activity);
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
    public void progress(long bytesDone, long bytesTotal) {
        progress.update(bytesDone, bytesTotal);
    }
}
