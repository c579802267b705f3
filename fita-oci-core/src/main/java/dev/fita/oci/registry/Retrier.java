package dev.fita.oci.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLException;

/**
 * Runs requests under the {@link RetryPolicy}: a retryable status or an I/O error asks the policy,
 * which waits or gives up with one sentence. Each operation has a {@link Streak}, its failures in a
 * row, which is what the policy's budget counts: any good answer starts a new one, so a registry
 * that is flaky but alive is ridden out while one that gave no good answer for the budget's time
 * fails the operation. An unknown host and a TLS failure end at once, since trying again cannot
 * help. Each decision is one debug line.
 */
final class Retrier {

    /** One request (with what it takes to make it: the endpoint, a token) and the handling of its answer. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws IOException, RetryableStatus;
    }

    private final RetryPolicy policy;
    private final HttpSender log;
    private final boolean allowInsecure;

    Retrier(RetryPolicy policy, HttpSender log, boolean allowInsecure) {
        this.policy = policy;
        this.log = log;
        this.allowInsecure = allowInsecure;
    }

    void debug(String line) {
        log.debug(line);
    }

    /** A fresh count of failures for {@code op}. */
    Streak streak(Operation op) {
        return new Streak(op);
    }

    /** Runs {@code attempt} until it succeeds or the policy gives up, counting failures in {@code op}'s own streak. */
    <T> T run(Operation op, Attempt<T> attempt) {
        return run(streak(op), attempt);
    }

    /** Runs {@code attempt} until it succeeds or the policy gives up, counting failures in {@code streak}. */
    <T> T run(Streak streak, Attempt<T> attempt) {
        while (true) {
            try {
                T result = attempt.run();
                streak.succeeded();
                return result;
            } catch (RetryableStatus e) {
                streak.pause(e);
            } catch (IOException e) {
                streak.pause(e);
            }
        }
    }

    /** The failures in a row of one operation; not shared between threads. */
    final class Streak {
        private final Operation op;
        private int failures;
        private long firstNanos;

        private Streak(Operation op) {
            this.op = op;
        }

        Operation op() {
            return op;
        }

        /** A request got a good answer: later failures count from zero again. */
        void succeeded() {
            failures = 0;
        }

        /** After a retryable answer: waits for the next attempt, or throws the sentence that ends the operation. */
        void pause(RetryableStatus e) {
            FailedAttempt failure = failed(e.method, e.url, e.status, e.retryAfter, null);
            String problem = (failure.attempt() == 1 ? "answered " : "kept answering ") + e.getMessage();
            if (e.retryAfter != null) {
                problem += " (asked to wait " + seconds(e.retryAfter) + " s)";
            }
            pause(failure, e.response, problem);
        }

        /** After an I/O error: waits for the next attempt, or throws the sentence that ends the operation. */
        void pause(IOException e) {
            IOException cause = RequestFailure.unwrap(e);
            if (cause instanceof UnknownHostException) {
                throw new RegistryUnreachableException("Could not reach " + op.where() + ": unknown host "
                        + cause.getMessage() + ".", cause, noAnswer(e));
            }
            if (cause instanceof SSLException ssl) {
                throw tlsFailure(op, ssl);
            }
            String method = e instanceof RequestFailure f ? f.method : null;
            String url = e instanceof RequestFailure f ? f.url : null;
            pause(failed(method, url, 0, null, cause), noAnswer(e), problem(cause));
        }

        private FailedAttempt failed(String method, String url, int status, Duration retryAfter, IOException error) {
            long now = System.nanoTime();
            if (failures++ == 0) {
                firstNanos = now;
            }
            return new FailedAttempt(failures, Duration.ofNanos(now - firstNanos), method, url, status, retryAfter, error);
        }

        private void pause(FailedAttempt failure, ErrorResponse response, String problem) {
            Optional<Duration> delay = policy.retry(failure);
            int n = failure.attempt();
            if (delay.isEmpty()) {
                String message = op.registry() + " " + problem + " for " + op.repository() + " (" + op.action()
                        + "); gave up after " + n + (n == 1 ? " attempt" : " attempts") + " in "
                        + seconds(failure.elapsed()) + " s.";
                log.debug("giving up on " + op.where() + " after " + n + (n == 1 ? " attempt: " : " attempts: ") + problem);
                throw failure.error() != null
                        ? new RegistryUnreachableException(message, failure.error(), response)
                        : new RegistryResponseException(message, null, response);
            }
            log.debug("retrying " + op.where() + " in " + delay.get().toMillis() + " ms (attempt " + n
                    + " failed: " + problem + ")");
            try {
                Thread.sleep(delay.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("Interrupted while waiting to retry " + op.where() + ".", e);
            }
        }
    }

    RegistryUnreachableException tlsFailure(Operation op, SSLException e) {
        return new RegistryUnreachableException("Could not reach " + op.where() + " over HTTPS: " + e.getMessage()
                + (allowInsecure ? "." : "; if the registry uses a self-signed certificate, set"
                        + " allowInsecureRegistries."), e);
    }

    /** What went wrong, as words that follow the registry's name in a message. */
    private static String problem(IOException e) {
        if (e instanceof ConnectException) {
            return "refused the connection (is a registry listening at that address?)";
        }
        if (e instanceof SocketTimeoutException) {
            return "did not answer in time";
        }
        return "failed with " + HttpSender.describe(e);
    }

    private static ErrorResponse noAnswer(IOException e) {
        return e instanceof RequestFailure f ? ErrorResponse.noAnswer(f.method, f.url) : null;
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1e3);
    }
}
