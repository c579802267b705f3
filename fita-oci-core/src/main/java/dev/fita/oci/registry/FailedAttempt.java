package dev.fita.oci.registry;

import java.io.IOException;
import java.time.Duration;

/**
 * One failed attempt, as a {@link RetryPolicy} sees it: its number (from 1), the time since the
 * operation began, the request that failed (method and URL without query, null when the failure
 * came outside a request), and either the retryable status with its {@code Retry-After} (null when
 * absent) or the I/O error (status 0).
 */
public record FailedAttempt(int attempt, Duration elapsed, String method, String url, int status,
        Duration retryAfter, IOException error) {
}
