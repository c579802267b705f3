package dev.fita.oci.registry;

import java.io.IOException;
import java.time.Duration;

/**
 * One failed request of an operation, as a {@link RetryPolicy} sees it: how many requests of the
 * operation have failed in a row (from 1), the time since the first of them, the request that failed
 * (method and URL without query, null when the failure came outside a request), and either the
 * retryable status with its {@code Retry-After} (null when absent) or the I/O error (status 0).
 * A request that succeeds in between (an upload that advanced) starts the count again.
 */
public record FailedAttempt(int attempt, Duration elapsed, String method, String url, int status,
        Duration retryAfter, IOException error) {
}
