package dev.fita.oci.registry;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides, after each failed request (a retryable status such as 429 or 503, or an I/O error),
 * whether to try again and after how long. Only requests that are safe to repeat are retried: HEAD,
 * GET, manifest PUTs, the POST that opens an upload session; an upload that broke off asks the
 * registry where it stands and goes on from there. The policy sees the request and the answer, so
 * it can decide per method, status, {@code Retry-After} and time spent.
 */
@FunctionalInterface
public interface RetryPolicy {

    /**
     * Retries for up to 30 s of failures in a row per operation, waiting from 0.25 s doubling to 3 s
     * with jitter (oras-go's steps), {@code Retry-After} honoured: rides out a registry restart, a
     * flaky proxy or a short rate limit, while a registry that died fails the build about 30 s later.
     */
    RetryPolicy DEFAULT = new BackoffPolicy(Duration.ofSeconds(30), Duration.ofMillis(250), Duration.ofSeconds(3));

    /** One attempt only. */
    RetryPolicy NONE = failure -> Optional.empty();

    /** The wait before the next attempt, or empty to give up. */
    Optional<Duration> retry(FailedAttempt failure);
}
