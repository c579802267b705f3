package dev.fita.maven.console;

import org.apache.maven.plugin.logging.Log;

/** Maven's log with the {@link Footer} moved out of the way of every line it prints. */
final class FooterLog implements Log {
    private final Log maven;
    private final Footer footer;

    FooterLog(Log maven, Footer footer) {
        this.maven = maven;
        this.footer = footer;
    }

    Footer footer() {
        return footer;
    }

    private void write(boolean enabled, Runnable line) {
        if (enabled) {
            footer.around(line);
        }
    }

    @Override public boolean isDebugEnabled() { return maven.isDebugEnabled(); }
    @Override public void debug(CharSequence c) { write(isDebugEnabled(), () -> maven.debug(c)); }
    @Override public void debug(CharSequence c, Throwable t) { write(isDebugEnabled(), () -> maven.debug(c, t)); }
    @Override public void debug(Throwable t) { write(isDebugEnabled(), () -> maven.debug(t)); }

    @Override public boolean isInfoEnabled() { return maven.isInfoEnabled(); }
    @Override public void info(CharSequence c) { write(isInfoEnabled(), () -> maven.info(c)); }
    @Override public void info(CharSequence c, Throwable t) { write(isInfoEnabled(), () -> maven.info(c, t)); }
    @Override public void info(Throwable t) { write(isInfoEnabled(), () -> maven.info(t)); }

    @Override public boolean isWarnEnabled() { return maven.isWarnEnabled(); }
    @Override public void warn(CharSequence c) { write(isWarnEnabled(), () -> maven.warn(c)); }
    @Override public void warn(CharSequence c, Throwable t) { write(isWarnEnabled(), () -> maven.warn(c, t)); }
    @Override public void warn(Throwable t) { write(isWarnEnabled(), () -> maven.warn(t)); }

    @Override public boolean isErrorEnabled() { return maven.isErrorEnabled(); }
    @Override public void error(CharSequence c) { write(isErrorEnabled(), () -> maven.error(c)); }
    @Override public void error(CharSequence c, Throwable t) { write(isErrorEnabled(), () -> maven.error(c, t)); }
    @Override public void error(Throwable t) { write(isErrorEnabled(), () -> maven.error(t)); }
}
