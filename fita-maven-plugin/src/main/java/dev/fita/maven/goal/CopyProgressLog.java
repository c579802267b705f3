package dev.fita.maven.goal;

import dev.fita.maven.console.TransferProgress;
import dev.fita.maven.console.TransferProgress;
import dev.fita.oci.Descriptor;
import dev.fita.oci.content.CopyListener;
import org.apache.maven.plugin.logging.Log;

/**
 * Debug lines per blob, manifest and tag, and the bytes copied so far with the rate (push and append): a
 * footer line in a terminal, periodic lines otherwise (see {@link TransferProgress}).
 */
public final class CopyProgressLog implements CopyListener {
    private final Log log;
    private final TransferProgress progress;

    /** {@code activity} starts the progress line, e.g. "Pushing blobs". */
    public CopyProgressLog(Log log, String activity) {
        this.log = log;
        this.progress = TransferProgress.of(log, activity);
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
    public void progress(long bytesDone, long bytesTotal) {
        progress.update(bytesDone, bytesTotal);
    }
}
