/**
 * What several goals share: registry clients with their credentials and the offline check
 * ({@link dev.fita.maven.goal.RegistryAccess}), the one catch ladder that turns a failure into one
 * sentence and keeps the cause ({@link dev.fita.maven.goal.GoalErrors}), and the progress and report
 * lines of a copy. May import the Maven plugin API, {@code config}, {@code credentials}, {@code jib}
 * (for its log bridge and error types) and the core.
 */
package dev.fita.maven.goal;
