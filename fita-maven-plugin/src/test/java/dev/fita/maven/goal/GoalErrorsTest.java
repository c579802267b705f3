package dev.fita.maven.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.oci.layout.LayoutException;
import dev.fita.oci.registry.RegistryUnreachableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import org.apache.maven.exception.DefaultExceptionHandler;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The one catch ladder: one sentence on Maven's failure line, the root cause still there for {@code mvn -e}. */
class GoalErrorsTest {

    private static MojoExecutionException failing(String context, Exception error) {
        return assertThrows(MojoExecutionException.class, () -> GoalErrors.run(context, () -> {
            throw error;
        }));
    }

    @Test
    void aRegistryFailureIsOneSentenceAndKeepsItsRootCause() {
        ConnectException root = new ConnectException("Connect to 127.0.0.1:1 failed: Connection refused");
        RegistryUnreachableException cause = new RegistryUnreachableException(
                "127.0.0.1:1 refused the connection for fita/x (push); gave up after 6 attempts in 31.0 s.", root);

        MojoExecutionException e = failing("Pushing to <to><image> 127.0.0.1:1/fita/x:1", cause);

        String sentence = "Pushing to <to><image> 127.0.0.1:1/fita/x:1 failed: " + cause.getMessage();
        assertEquals(sentence, e.getMessage());
        assertSame(cause, e.getSuppressed()[0]);
        // What Maven prints on its failure line: exactly the sentence, no cause's wording appended.
        LifecycleExecutionException wrapped = new LifecycleExecutionException("Failed to execute goal fita:push: "
                + e.getMessage(), e);
        assertEquals("Failed to execute goal fita:push: " + sentence,
                new DefaultExceptionHandler().handleException(wrapped).getMessage());
        // What mvn -e prints: the whole chain down to the root.
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertTrue(trace.toString().contains("Suppressed: " + cause), trace.toString());
        assertTrue(trace.toString().contains("Caused by: " + root), trace.toString());
    }

    @Test
    void typedFailuresSayItThemselves() {
        assertEquals("<to><image> is not set", failing(null, new ConfigurationException("<to><image> is not set"))
                .getMessage());
        assertEquals("/tmp/x is not an OCI image layout", failing("ctx", new LayoutException("/tmp/x is not an OCI image layout"))
                .getMessage());
        assertEquals("I/O error: disk full", failing(null, new IOException("disk full")).getMessage());
        assertEquals("red", failing(null, new IllegalStateException("\u001B[31mred\u001B[0m")).getMessage());
        assertEquals("java.lang.IllegalStateException", failing(null, new IllegalStateException()).getMessage());
        MojoExecutionException own = new MojoExecutionException("already one sentence");
        assertSame(own, failing(null, own));
    }

    @Test
    void anInterruptionEndsTheGoalAndKeepsTheFlag() {
        MojoExecutionException e = failing(null, new InterruptedException());
        assertEquals("The goal was interrupted", e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt flag is set again (and cleared here)");
    }
}
