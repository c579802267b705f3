package dev.fita.oci.registry;

import java.time.Duration;

/**
 * When to retry 408, 429, 500, 502, 503, 504 and I/O errors: exponential backoff from {@code baseDelay}
 * doubling up to {@code maxDelay}, with jitter (each wait is uniformly between half and all of the
 * step), {@code Retry-After} honoured up to {@code maxRetryAfter}, at most {@code maxAttempts} tries and
 * never past {@code totalTimeout} for one operation.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
        Duration totalTimeout) {

    /**
     * Six attempts from 1 s doubling to 16 s: rides out a registry restart or a rate-limit window of a
     * few tens of seconds, while a registry that is really down fails the build in at most three minutes.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(16),
            Duration.ofSeconds(60), Duration.ofMinutes(3));

    /** One attempt only. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ofMinutes(3));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative() || totalTimeout.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /** The backoff before attempt {@code attempt + 1} (attempt counts from 1), before jitter. */
    Duration backoff(int attempt) {
        long base = baseDelay.toMillis();
        long step = base << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(step, maxDelay.toMillis()));
    }

    /** The wait before the next attempt: {@code Retry-After} (capped) when given, else jittered backoff. */
    Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        }
        long step = backoff(attempt).toMillis();
        long half = step / 2;
        return Duration.ofMillis(half + (step - half == 0 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextLong(step - half + 1)));
    }
}
