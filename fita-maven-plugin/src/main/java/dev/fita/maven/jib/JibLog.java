package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.LogEvent;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * Forwards Jib's log events to Maven's log, without ANSI codes (and prefixed with a label, if given).
 * Jib's own ERROR lines (with advice for jib-maven-plugin users) go to debug: the failure itself
 * ends the build with fita's sentence, which names the element to fix.
 */
public final class JibLog implements Consumer<LogEvent> {
    private final Log log;
    private final String prefix;

    public JibLog(Log log, String prefix) {
        this.log = log;
        this.prefix = prefix == null || prefix.isEmpty() ? "" : "[" + prefix + "] ";
    }

    @Override
    public void accept(LogEvent event) {
        String text = Ansi.strip(event.getMessage());
        if (text.isBlank()) {
            return;
        }
        String message = prefix + text;
        switch (event.getLevel()) {
            case WARN -> log.warn(message);
            case LIFECYCLE -> log.info(message);
            case ERROR -> debug("jib: " + message);
            default -> debug(message);
        }
    }

    private void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(message);
        }
    }
}
