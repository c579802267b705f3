package dev.fita.maven.goal;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.console.Console;
import dev.fita.maven.jib.Ansi;
import dev.fita.maven.jib.BaseImageException;
import dev.fita.maven.jib.PlainHttpRegistries;
import dev.fita.oci.OciException;
import dev.fita.oci.registry.PlainHttpRegistryException;
import dev.fita.oci.registry.RegistryException;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The one catch ladder of the goals: whatever the work throws ends the goal as a
 * MojoExecutionException whose message is one sentence. The original exception is kept, as a
 * suppressed exception: {@code mvn -e} prints it with its whole cause chain, while Maven's failure
 * line stays the sentence (Maven appends the message of every <em>cause</em> to that line, which
 * would bury it under jib-core's or the HTTP client's wording).
 */
public final class GoalErrors {

    /** A goal's work. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** A goal's work that logs through the goal's console. */
    @FunctionalInterface
    public interface ConsoleWork {
        void run(Log log) throws Exception;
    }

    private GoalErrors() {}

    /**
     * Runs {@code work}. A registry failure's sentence starts with {@code registryContext} (e.g.
     * "Pushing to &lt;to&gt;&lt;image&gt; registry.example.com/app:1") when one is given.
     */
    public static void run(String registryContext, Work work) throws MojoExecutionException {
        try {
            work.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("The goal was interrupted", e);
        } catch (RegistryException e) {
            String sentence = e instanceof PlainHttpRegistryException plain ? PlainHttpRegistries.sentence(plain) : e.getMessage();
            throw failure(registryContext == null ? sentence : registryContext + " failed: " + sentence, e);
        } catch (Exception e) {
            throw toMojo(e);
        }
    }

    /**
     * {@link #run(String, Work)} with the goal's console: it closes (erasing its progress footer) before
     * the failure is reported.
     */
    public static void run(String registryContext, Supplier<Console> console, ConsoleWork work)
            throws MojoExecutionException {
        run(registryContext, () -> {
            try (Console open = console.get()) {
                work.run(open.log());
            }
        });
    }

    /** The sentence for any failure: the typed ones say it themselves. */
    public static MojoExecutionException toMojo(Throwable error) {
        if (error instanceof MojoExecutionException mojo) {
            return mojo;
        }
        if (error instanceof ConfigurationException || error instanceof BaseImageException
                || error instanceof OciException) {
            return failure(error.getMessage(), error);
        }
        if (error instanceof IOException) {
            return failure("I/O error: " + error.getMessage(), error);
        }
        String message = error.getMessage() == null ? error.getClass().getName() : Ansi.strip(error.getMessage());
        return failure(message, error);
    }

    /** The goal's failure: {@code sentence}, with {@code cause} (if any) kept for {@code mvn -e}. */
    public static MojoExecutionException failure(String sentence, Throwable cause) {
        MojoExecutionException e = new MojoExecutionException(sentence);
        if (cause != null) {
            e.addSuppressed(cause);
        }
        return e;
    }
}
