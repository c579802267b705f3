package dev.fita.maven.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven Log that records "level message" lines (thread-safe: Jib logs from several threads). */
public final class RecordingLog implements Log {
    public final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final boolean debug;

    public RecordingLog(boolean debug) {
        this.debug = debug;
    }

    public String all() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override public boolean isDebugEnabled() { return debug; }
    @Override public void debug(CharSequence c) { lines.add("debug " + c); }
    @Override public void debug(CharSequence c, Throwable t) { debug(c); }
    @Override public void debug(Throwable t) { debug(t.toString()); }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence c) { lines.add("info " + c); }
    @Override public void info(CharSequence c, Throwable t) { info(c); }
    @Override public void info(Throwable t) { info(t.toString()); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence c) { lines.add("warn " + c); }
    @Override public void warn(CharSequence c, Throwable t) { warn(c); }
    @Override public void warn(Throwable t) { warn(t.toString()); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence c) { lines.add("error " + c); }
    @Override public void error(CharSequence c, Throwable t) { error(c); }
    @Override public void error(Throwable t) { error(t.toString()); }
}
