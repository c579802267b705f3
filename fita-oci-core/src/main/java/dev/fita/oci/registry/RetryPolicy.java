package dev.fita.oci.registry;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides, after each failed attempt of an operation (a retryable status such as 429 or 503, or an
 * I/O error), whether to try again and after how long. It sees the request and the answer, so a
 * policy can decide per method, status, {@code Retry-After} and time spent.
 */
@FunctionalInterface
public interface RetryPolicy {

    /**
     * Six attempts from 1 s doubling to 16 s: rides out a registry restart or a rate-limit window of a
     * few tens of seconds, while a registry that is really down fails the build in at most three minutes.
     */
    RetryPolicy DEFAULT = new BackoffPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(16),
            Duration.ofSeconds(60), Duration.ofMinutes(3));

    /** One attempt only. */
    RetryPolicy NONE = failure -> Optional.empty();

    /** The wait before the next attempt, or empty to give up. */
    Optional<Duration> retry(FailedAttempt failure);
}
