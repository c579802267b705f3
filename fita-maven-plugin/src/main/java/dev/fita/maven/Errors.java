package dev.fita.maven;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.jib.Ansi;
import dev.fita.maven.jib.BaseImageException;
import dev.fita.oci.OciException;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Turns what the services throw into MojoExecutionExceptions with one readable sentence. The
 * cause is logged at debug level instead of chained: Maven appends every cause's message to the
 * failure line, which would bury the sentence under jib-core's or the HTTP client's wording.
 */
final class Errors {
    private Errors() {}

    static MojoExecutionException mojo(Log log, String message, Throwable cause) {
        if (cause != null && log.isDebugEnabled()) {
            log.debug("Cause of: " + message, cause);
        }
        return new MojoExecutionException(message);
    }

    static MojoExecutionException toMojo(Log log, Throwable error) {
        if (error instanceof MojoExecutionException mojo) {
            return mojo;
        }
        if (error instanceof ConfigurationException || error instanceof BaseImageException
                || error instanceof OciException) {
            return mojo(log, error.getMessage(), error);
        }
        if (error instanceof IOException) {
            return mojo(log, "I/O error: " + error.getMessage(), error);
        }
        String message = error.getMessage() == null ? error.getClass().getName() : Ansi.strip(error.getMessage());
        return mojo(log, message, error);
    }
}
