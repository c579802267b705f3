package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.LogEvent;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * Forwards Jib's log events to Maven's log, prefixed with the platform and without ANSI codes.
 * Jib's own ERROR lines (with advice for jib-maven-plugin users) go to debug: the failure itself
 * ends the build with fita's sentence, which names the element to fix. The lines about the
 * per-platform tar go to debug too: that tar is an internal step, not the result.
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
            case LIFECYCLE -> {
                if (isAboutTheInternalTar(text)) {
                    debug(message);
                } else {
                    log.info(message);
                }
            }
            case ERROR -> debug("jib: " + message);
            default -> debug(message);
        }
    }

    private void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(message);
        }
    }

    private static boolean isAboutTheInternalTar(String text) {
        return text.startsWith("Containerizing application to file at") || text.startsWith("Built image tarball at");
    }
}
