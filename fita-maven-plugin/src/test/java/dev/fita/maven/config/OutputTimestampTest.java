package dev.fita.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputTimestampTest {
    @Test
    void isoWithOffsetOrZone() {
        assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), OutputTimestamp.parse("2026-01-01T00:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2025-12-31T23:00:00Z")), OutputTimestamp.parse("2026-01-01T00:00:00+01:00"));
    }

    @Test
    void epochSeconds() {
        assertEquals(Optional.of(Instant.ofEpochSecond(1767225600)), OutputTimestamp.parse("1767225600"));
    }

    @Test
    void unsetOrSingleCharacterMeansNone() {
        assertTrue(OutputTimestamp.parse(null).isEmpty());
        assertTrue(OutputTimestamp.parse("").isEmpty());
        assertTrue(OutputTimestamp.parse("a").isEmpty());
    }

    @Test
    void garbageIsAClearError() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> OutputTimestamp.parse("yesterday"));
        assertEquals("project.build.outputTimestamp 'yesterday' is neither epoch seconds nor an ISO-8601 date-time"
                + " such as 2026-01-01T00:00:00Z", e.getMessage());
    }
}
