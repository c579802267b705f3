package dev.fita.maven.console;

import java.io.PrintStream;
import org.apache.maven.plugin.logging.Log;

/** Prints as Maven's console logger does: one {@code [LEVEL] message} line per call, flushed, on the given stream. */
final class TerminalLog implements Log {
    private final PrintStream out;
    private final boolean debug;

    TerminalLog(PrintStream out, boolean debug) {
        this.out = out;
        this.debug = debug;
    }

    private void line(String level, CharSequence message, Throwable t) {
        out.print("[" + level + "] " + message + (t == null ? "" : " " + t) + "\n");
        out.flush();
    }

    @Override public boolean isDebugEnabled() { return debug; }
    @Override public void debug(CharSequence c) { if (debug) line("DEBUG", c, null); }
    @Override public void debug(CharSequence c, Throwable t) { if (debug) line("DEBUG", c, t); }
    @Override public void debug(Throwable t) { if (debug) line("DEBUG", "", t); }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence c) { line("INFO", c, null); }
    @Override public void info(CharSequence c, Throwable t) { line("INFO", c, t); }
    @Override public void info(Throwable t) { line("INFO", "", t); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence c) { line("WARNING", c, null); }
    @Override public void warn(CharSequence c, Throwable t) { line("WARNING", c, t); }
    @Override public void warn(Throwable t) { line("WARNING", "", t); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence c) { line("ERROR", c, null); }
    @Override public void error(CharSequence c, Throwable t) { line("ERROR", c, t); }
    @Override public void error(Throwable t) { line("ERROR", "", t); }
}
