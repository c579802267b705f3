package dev.fita.maven.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.PropertyOverrides;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ConsoleModeTest {
    /** An interactive build in a capable terminal: the only case that gets the footer by itself. */
    private static ConsoleFacts terminal(String requested) {
        return new ConsoleFacts(requested, true, true, "xterm-256color", true, false);
    }

    @Test
    void anInteractiveTerminalGetsTheFooter() {
        assertEquals(ConsoleMode.RICH, ConsoleMode.select(terminal(null)));
        assertEquals(ConsoleMode.RICH, ConsoleMode.select(terminal("auto")));
        assertEquals(ConsoleMode.RICH, ConsoleMode.select(new ConsoleFacts(null, true, true, null, true, false)));
    }

    @Test
    void plainWithoutATerminalInBatchModeWithDumbTermQuietOrConcurrentModules() {
        assertEquals(ConsoleMode.PLAIN, ConsoleMode.select(new ConsoleFacts(null, true, false, "xterm", true, false)));
        assertEquals(ConsoleMode.PLAIN, ConsoleMode.select(new ConsoleFacts(null, false, true, "xterm", true, false)));
        assertEquals(ConsoleMode.PLAIN, ConsoleMode.select(new ConsoleFacts(null, true, true, "dumb", true, false)));
        assertEquals(ConsoleMode.PLAIN, ConsoleMode.select(new ConsoleFacts(null, true, true, "xterm", false, false)));
        assertEquals(ConsoleMode.PLAIN, ConsoleMode.select(new ConsoleFacts(null, true, true, "xterm", true, true)));
    }

    @Test
    void anExplicitChoiceWinsOverWhatTheTerminalSuggests() {
        assertEquals(ConsoleMode.PLAIN, ConsoleMode.select(terminal("plain")));
        assertEquals(ConsoleMode.PLAIN, ConsoleMode.select(terminal(" Plain ")));
        assertEquals(ConsoleMode.RICH, ConsoleMode.select(new ConsoleFacts("rich", false, false, "dumb", true, true)));
    }

    @Test
    void anUnknownValueFailsWithOneSentenceNamingTheProperties() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ConsoleMode.select(terminal("fancy")));
        assertEquals("fita.console or jib.console 'fancy' is not one of auto, plain, rich", e.getMessage());
    }

    @Test
    void fitaConsoleWinsOverJibConsoleAsEveryFitaProperty() {
        Properties user = new Properties();
        user.setProperty("jib.console", "plain");
        assertEquals("plain", requested(user, new Properties()));
        user.setProperty("fita.console", "rich");
        assertEquals("rich", requested(user, new Properties()));

        // A Jib pom's <properties> keep working; a fita.* project property only fills in.
        Properties project = new Properties();
        project.setProperty("jib.console", "plain");
        project.setProperty("fita.console", "rich");
        assertEquals("plain", requested(new Properties(), project));
        project.remove("jib.console");
        assertEquals("rich", requested(new Properties(), project));
        assertEquals(null, requested(new Properties(), new Properties()));
    }

    @Test
    void theSessionSaysBatchModeAndWhetherOtherModulesBuildAtTheSameTime() {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setInteractiveMode(true);
        MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        session.setProjects(List.of(new MavenProject(), new MavenProject()));
        PropertyOverrides none = PropertyOverrides.none();
        assertTrue(ConsoleFacts.of(none, session, true).interactive());
        assertFalse(ConsoleFacts.of(none, session, true).concurrentProjects());
        request.setDegreeOfConcurrency(4); // -T 4
        assertTrue(ConsoleFacts.of(none, session, true).concurrentProjects());
        session.setProjects(List.of(new MavenProject()));
        assertFalse(ConsoleFacts.of(none, session, true).concurrentProjects(), "-T on one module builds nothing else");
        request.setInteractiveMode(false); // --batch-mode
        assertFalse(ConsoleFacts.of(none, session, true).interactive());
        assertFalse(ConsoleFacts.of(none, null, true).interactive(), "no session: as batch mode");
    }

    private static String requested(Properties user, Properties project) {
        return ConsoleFacts.of(new PropertyOverrides(user, new Properties(), project), null, true).requested();
    }
}
