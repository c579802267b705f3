package dev.fita.maven.jib;

import com.google.cloud.tools.jib.event.progress.ProgressEventHandler;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * Turns Jib's aggregated progress for one platform into output that suits the terminal: in batch
 * mode (or without a console) a plain log line at every quarter, so logs stay readable; in an
 * interactive terminal an entry on the shared {@link ProgressBoard}.
 */
public final class ProgressLine implements Consumer<ProgressEventHandler.Update> {
    private final String label;
    private final Log log;
    private final ProgressBoard board;
    private int lastQuarter = -1;

    /** {@code boardOrNull} null means plain lines through {@code log}. */
    public ProgressLine(String label, Log log, ProgressBoard boardOrNull) {
        this.label = label;
        this.log = log;
        this.board = boardOrNull;
        if (board != null) {
            board.add(label);
        }
    }

    @Override
    public void accept(ProgressEventHandler.Update update) {
        report(update.getProgress());
    }

    /** Reports a fraction between 0 and 1. */
    synchronized void report(double progress) {
        int percent = (int) Math.floor(Math.max(0, Math.min(1, progress)) * 100);
        if (board != null) {
            board.update(label, percent);
            return;
        }
        int quarter = percent / 25;
        if (quarter > lastQuarter) {
            lastQuarter = quarter;
            log.info("Building " + label + ": " + percent + "%");
        }
    }
}
