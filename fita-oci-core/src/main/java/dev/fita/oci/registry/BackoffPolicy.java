package dev.fita.oci.registry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A time budget per operation instead of a fixed number of attempts: retries while the failures in a
 * row, with the next wait, fit into {@code budget}. The wait is exponential backoff from
 * {@code baseDelay} doubling up to {@code maxDelay} with jitter (uniformly between half and all of
 * the step, so parallel uploads do not retry in lockstep), or the registry's {@code Retry-After}
 * plus up to a tenth more; a {@code Retry-After} that ends past the budget gives up at once rather
 * than asking again early.
 */
public record BackoffPolicy(Duration budget, Duration baseDelay, Duration maxDelay) implements RetryPolicy {

    public BackoffPolicy {
        if (budget.isNegative() || baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry durations must not be negative");
        }
    }

    @Override
    public Optional<Duration> retry(FailedAttempt failure) {
        Duration delay = delay(failure.attempt(), failure.retryAfter());
        if (failure.elapsed().plus(delay).compareTo(budget) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    /** The backoff after failure {@code attempt} (counting from 1), before jitter. */
    Duration backoff(int attempt) {
        long step = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(step, maxDelay.toMillis()));
    }

    /** {@code Retry-After} with up to a tenth more when given, else the jittered backoff. */
    Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            long asked = retryAfter.toMillis();
            return Duration.ofMillis(asked + ThreadLocalRandom.current().nextLong(asked / 10 + 1));
        }
        long step = backoff(attempt).toMillis();
        long half = step / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(step - half + 1));
    }
}
