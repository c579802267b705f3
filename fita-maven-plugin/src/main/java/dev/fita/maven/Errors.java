package dev.fita.maven;

import dev.fita.maven.goal.GoalErrors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The goals' failures, for the code in this package that predates {@link GoalErrors}: both methods
 * are the ladder of {@link GoalErrors}, which keeps the cause for {@code mvn -e}.
 */
final class Errors {
    private Errors() {}

    static MojoExecutionException mojo(Log log, String message, Throwable cause) {
        return GoalErrors.failure(message, cause);
    }

    static MojoExecutionException toMojo(Log log, Throwable error) {
        return GoalErrors.toMojo(error);
    }
}
