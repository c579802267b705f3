package dev.fita.maven.console;

import dev.fita.maven.config.PropertyOverrides;
import java.lang.reflect.Method;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;

/**
 * What decides the {@link ConsoleMode}, gathered once per goal.
 *
 * @param requested {@code fita.console}, else Jib's {@code jib.console} (property order of docs/configuration.md), or null
 * @param interactive false under {@code --batch-mode}
 * @param terminal the JVM's standard streams are a terminal
 * @param term the {@code TERM} environment variable, or null
 * @param infoEnabled Maven prints info lines (not {@code -q})
 * @param concurrentProjects other projects of the reactor build at the same time ({@code -T} with several modules)
 */
public record ConsoleFacts(String requested, boolean interactive, boolean terminal, String term, boolean infoEnabled,
        boolean concurrentProjects) {

    /** The facts of this JVM (its console, {@code TERM}) and of Maven's session; no session counts as batch mode. */
    public static ConsoleFacts of(PropertyOverrides properties, MavenSession sessionOrNull, boolean infoEnabled) {
        MavenExecutionRequest request = sessionOrNull == null ? null : sessionOrNull.getRequest();
        boolean interactive = request != null && request.isInteractiveMode();
        boolean concurrentProjects = request != null && request.getDegreeOfConcurrency() > 1
                && sessionOrNull.getProjects() != null && sessionOrNull.getProjects().size() > 1;
        return new ConsoleFacts(properties.string("fita.console", null, "jib.console"), interactive, isTerminal(),
                System.getenv("TERM"), infoEnabled, concurrentProjects);
    }

    /**
     * Since Java 22 {@code System.console()} is not null when the streams are redirected; there
     * {@code Console.isTerminal()} answers (looked up reflectively: the plugin is built for Java 17).
     */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
