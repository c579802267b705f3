package dev.fita.maven.console;

import dev.fita.maven.config.ConfigurationException;
import java.util.Locale;

/** Plain log lines, or log lines above a live footer (see {@link Footer}); the rules are in docs/configuration.md. */
public enum ConsoleMode {
    PLAIN,
    RICH;

    /**
     * An explicit {@code plain} or {@code rich} wins. Otherwise ({@code auto} or nothing) the footer needs a
     * terminal on the standard streams, interactive mode (no {@code --batch-mode}), a {@code TERM} other than
     * {@code dumb}, info lines ({@code -q} asks for none), and no other project building at the same time
     * ({@code -T} with several modules: their plugins' lines would not erase the footer).
     */
    public static ConsoleMode select(ConsoleFacts facts) {
        String requested = facts.requested() == null ? "" : facts.requested().trim().toLowerCase(Locale.ROOT);
        switch (requested) {
            case "plain":
                return PLAIN;
            case "rich":
                return RICH;
            case "", "auto":
                break;
            default:
                throw new ConfigurationException("fita.console or jib.console '" + facts.requested()
                        + "' is not one of auto, plain, rich");
        }
        boolean rich = facts.interactive() && facts.terminal() && !"dumb".equals(facts.term()) && facts.infoEnabled()
                && !facts.concurrentProjects();
        return rich ? RICH : PLAIN;
    }
}
