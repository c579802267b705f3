package dev.fita.maven;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.jib.Ansi;
import dev.fita.maven.jib.BaseImageException;
import dev.fita.oci.OciException;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;

/** Turns what the services throw into MojoExecutionExceptions with one readable sentence. */
final class Errors {
    private Errors() {}

    static MojoExecutionException toMojo(Throwable error) {
        if (error instanceof MojoExecutionException mojo) {
            return mojo;
        }
        if (error instanceof ConfigurationException || error instanceof BaseImageException
                || error instanceof OciException) {
            return new MojoExecutionException(error.getMessage(), error);
        }
        if (error instanceof IOException) {
            return new MojoExecutionException("I/O error: " + error.getMessage(), error);
        }
        String message = error.getMessage() == null ? error.getClass().getName() : Ansi.strip(error.getMessage());
        return new MojoExecutionException(message, error);
    }
}
