package dev.fita.oci.registry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff from {@code baseDelay} doubling up to {@code maxDelay}, with jitter (each wait
 * is uniformly between half and all of the step); {@code Retry-After} honoured up to
 * {@code maxRetryAfter}; at most {@code maxAttempts} tries, never past {@code totalTimeout}.
 */
public record BackoffPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
        Duration totalTimeout) implements RetryPolicy {

    public BackoffPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative() || totalTimeout.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    @Override
    public Optional<Duration> retry(FailedAttempt failure) {
        if (failure.attempt() >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = delay(failure.attempt(), failure.retryAfter());
        if (failure.elapsed().plus(delay).compareTo(totalTimeout) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    /** The backoff after attempt {@code attempt} (counting from 1), before jitter. */
    Duration backoff(int attempt) {
        long step = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(step, maxDelay.toMillis()));
    }

    /** {@code Retry-After} (capped) when given, else the jittered backoff. */
    Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        }
        long step = backoff(attempt).toMillis();
        long half = step / 2;
        return Duration.ofMillis(half + (step == half ? 0 : ThreadLocalRandom.current().nextLong(step - half + 1)));
    }
}
