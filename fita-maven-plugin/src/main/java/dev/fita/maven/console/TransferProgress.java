package dev.fita.maven.console;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.maven.plugin.logging.Log;

/**
 * Bytes moved so far of a push (or append), with the rate since the first report. Rich: a footer line
 * {@code Pushing blobs [=====     ] 8.4/16.8 MB 3.2 MB/s} while it runs. Plain: the first report, then
 * a line once both 10 % of the bytes and 5 seconds have passed since the last one (whichever is rarer).
 * Both modes end with one log line for the whole transfer. A transfer under 1 MB prints nothing.
 */
public final class TransferProgress {
    static final long MIN_BYTES = 1_000_000;
    static final int PLAIN_STEP_PERCENT = 10;
    static final long PLAIN_STEP_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int BAR_WIDTH = 10;

    private final String activity;
    private final Log log;
    private final Footer footerOrNull;
    private final LongSupplier nanoTime;
    private boolean started;
    private long startNanos;
    private long mostDone;
    private long lastLineNanos;
    private int lastLinePercent;
    private boolean finished;

    TransferProgress(String activity, Log log, Footer footerOrNull, LongSupplier nanoTime) {
        this.activity = activity;
        this.log = log;
        this.footerOrNull = footerOrNull;
        this.nanoTime = nanoTime;
    }

    /** Progress that goes where {@code log} goes: the footer of its {@link Console}, or plain lines. */
    public static TransferProgress of(Log log, String activity) {
        return new TransferProgress(activity, log, Console.footerOf(log), System::nanoTime);
    }

    /** Safe from several upload threads; a report that arrives after a later one is ignored. */
    public synchronized void update(long bytesDone, long bytesTotal) {
        if (bytesTotal < MIN_BYTES || finished || (started && bytesDone < mostDone)) {
            return;
        }
        long now = nanoTime.getAsLong();
        boolean first = !started;
        if (first) {
            started = true;
            startNanos = now;
        }
        mostDone = bytesDone;
        int percent = ProgressBar.percent((double) bytesDone / bytesTotal);
        String rate = rate(bytesDone, now - startNanos);
        if (bytesDone >= bytesTotal) {
            finished = true;
            if (footerOrNull != null) {
                footerOrNull.remove(this);
            }
            log.info(plainLine(bytesDone, bytesTotal, percent, rate));
        } else if (footerOrNull != null) {
            footerOrNull.set(this, activity + " " + ProgressBar.bar((double) bytesDone / bytesTotal, BAR_WIDTH) + " "
                    + ProgressBar.megabytes(bytesDone) + "/" + ProgressBar.megabytes(bytesTotal) + " MB"
                    + (rate.isEmpty() ? "" : " " + rate));
        } else if (first || (percent - lastLinePercent >= PLAIN_STEP_PERCENT && now - lastLineNanos >= PLAIN_STEP_NANOS)) {
            lastLinePercent = percent;
            lastLineNanos = now;
            log.info(plainLine(bytesDone, bytesTotal, percent, rate));
        }
    }

    private String plainLine(long done, long total, int percent, String rate) {
        return activity + ": " + ProgressBar.megabytes(done) + " of " + ProgressBar.megabytes(total) + " MB ("
                + percent + "%)" + (rate.isEmpty() ? "" : ", " + rate);
    }

    /** MB/s since the first report; none before a millisecond has passed. */
    private static String rate(long bytes, long nanos) {
        if (nanos < TimeUnit.MILLISECONDS.toNanos(1)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f MB/s", bytes / 1_000_000.0 / (nanos / 1e9));
    }
}
