package dev.fita.maven.console;

import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * The progress of one platform's image build, as a fraction from Jib. Rich: a footer line
 * {@code linux/amd64 [==========          ]  50%} from the start of the build until {@link #close()};
 * builds running at the same time get a line each. Plain: a log line at every quarter.
 */
public final class BuildProgress implements AutoCloseable {
    private static final int BAR_WIDTH = 20;

    private final String label;
    private final Log log;
    private final Footer footerOrNull;
    private int lastQuarter = -1;

    private BuildProgress(String label, Log log, Footer footerOrNull) {
        this.label = label;
        this.log = log;
        this.footerOrNull = footerOrNull;
        if (footerOrNull != null) {
            footerOrNull.set(this, line(0));
        }
    }

    /** Progress that goes where {@code log} goes: the footer of its {@link Console}, or plain lines. */
    public static BuildProgress of(Log log, String label) {
        return new BuildProgress(label, log, Console.footerOf(log));
    }

    /** Reports a fraction between 0 and 1. */
    public synchronized void report(double fraction) {
        if (footerOrNull != null) {
            footerOrNull.set(this, line(fraction));
            return;
        }
        int percent = ProgressBar.percent(fraction);
        int quarter = percent / 25;
        if (quarter > lastQuarter) {
            lastQuarter = quarter;
            log.info("Building " + label + ": " + percent + "%");
        }
    }

    private String line(double fraction) {
        return String.format(Locale.ROOT, "%s %s %3d%%", label, ProgressBar.bar(fraction, BAR_WIDTH), ProgressBar.percent(fraction));
    }

    @Override
    public void close() {
        if (footerOrNull != null) {
            footerOrNull.remove(this);
        }
    }
}
