package dev.fita.maven.console;

import java.io.PrintStream;
import org.apache.maven.plugin.logging.Log;

/**
 * What one goal prints through: {@link #log()} for its lines and, via that log, the progress of
 * {@link BuildProgress} and {@link TransferProgress}. Rich: a live {@link Footer} in the terminal;
 * plain: Maven's log as it is. Closing erases the footer, so Maven's own lines that follow (the build
 * result, an error) start on a clean screen.
 */
public final class Console implements AutoCloseable {
    private final Log log;
    private final Footer footerOrNull;

    private Console(Log log, Footer footerOrNull) {
        this.log = log;
        this.footerOrNull = footerOrNull;
    }

    /** Rich mode draws on {@code System.out}, the stream Maven's log lines go to. */
    public static Console open(ConsoleMode mode, Log maven) {
        return mode == ConsoleMode.RICH ? rich(maven, System.out) : plain(maven);
    }

    public static Console plain(Log maven) {
        return new Console(maven, null);
    }

    /** {@code terminal} must be the stream {@code maven} prints to. */
    static Console rich(Log maven, PrintStream terminal) {
        Footer footer = new Footer(terminal);
        return new Console(new FooterLog(maven, footer), footer);
    }

    /** The goal's log: hand it to everything that logs while the goal runs (services, Jib, push listeners). */
    public Log log() {
        return log;
    }

    /** The footer of a log from {@link #log()} in rich mode, else null (progress then goes to plain lines). */
    static Footer footerOf(Log log) {
        return log instanceof FooterLog footerLog ? footerLog.footer() : null;
    }

    @Override
    public void close() {
        if (footerOrNull != null) {
            footerOrNull.clear();
        }
    }
}
