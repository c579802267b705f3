package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.LogEvent;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/** Forwards jib-core's log events to Maven's log, prefixed with the platform and without ANSI codes. */
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
            case ERROR -> log.error(message);
            case WARN -> log.warn(message);
            case LIFECYCLE -> log.info(message);
            case PROGRESS, INFO, DEBUG -> {
                if (log.isDebugEnabled()) {
                    log.debug(message);
                }
            }
            default -> log.debug(message);
        }
    }
}
