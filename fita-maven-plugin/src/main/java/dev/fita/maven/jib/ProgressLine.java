package dev.fita.maven.jib;

import com.google.cloud.tools.jib.event.progress.ProgressEventHandler;
import java.io.PrintStream;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * Turns Jib's aggregated progress into output that suits the terminal: in batch mode (or without
 * a console) a plain log line at every quarter, so logs stay readable; in an interactive terminal
 * a bar redrawn in place.
 */
public final class ProgressLine implements Consumer<ProgressEventHandler.Update> {
    private static final int BAR_WIDTH = 30;

    private final String label;
    private final Log log;
    private final PrintStream terminal;
    private int lastQuarter = -1;
    private int lastPercent = -1;

    /** {@code terminal} null means plain lines through {@code log}. */
    public ProgressLine(String label, Log log, PrintStream terminal) {
        this.label = label;
        this.log = log;
        this.terminal = terminal;
    }

    @Override
    public void accept(ProgressEventHandler.Update update) {
        report(update.getProgress());
    }

    /** Reports a fraction between 0 and 1. */
    synchronized void report(double progress) {
        int percent = (int) Math.floor(Math.max(0, Math.min(1, progress)) * 100);
        if (terminal == null) {
            int quarter = percent / 25;
            if (quarter > lastQuarter) {
                lastQuarter = quarter;
                log.info(plain(label, percent));
            }
        } else if (percent != lastPercent) {
            lastPercent = percent;
            terminal.print("\r" + bar(label, percent) + (percent == 100 ? System.lineSeparator() : ""));
            terminal.flush();
        }
    }

    static String plain(String label, int percent) {
        return "Building " + label + ": " + percent + "%";
    }

    static String bar(String label, int percent) {
        int filled = percent * BAR_WIDTH / 100;
        return "[" + "=".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + percent + "% " + label;
    }
}
