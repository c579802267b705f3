package dev.fita.maven.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads {@code project.build.outputTimestamp} the way Maven's archiver does: epoch seconds or an
 * ISO-8601 date-time with offset; unset or a single character means "not reproducible".
 */
public final class OutputTimestamp {
    private OutputTimestamp() {}

    public static Optional<Instant> parse(String value) {
        if (value == null || value.trim().length() < 2) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(trimmed)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("project.build.outputTimestamp '" + trimmed
                    + "' is neither epoch seconds nor an ISO-8601 date-time such as 2026-01-01T00:00:00Z");
        }
    }
}
