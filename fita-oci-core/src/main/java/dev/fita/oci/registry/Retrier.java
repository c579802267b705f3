package dev.fita.oci.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLException;

/**
 * Runs an operation's attempts under the {@link RetryPolicy}: a retryable status or an I/O error
 * asks the policy, which waits or gives up with one sentence. An unknown host and a TLS failure end
 * at once, since trying again cannot help. Each decision is one debug line.
 */
final class Retrier {

    /** One attempt of an operation: it may send several requests (an upload session's POST and PUT). */
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

    <T> T run(Operation op, Attempt<T> attempt) {
        long start = System.nanoTime();
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (RetryableStatus e) {
                pause(op, n, new FailedAttempt(n, since(start), e.method, e.url, e.status, e.retryAfter, null),
                        e.response, "kept answering " + e.getMessage());
            } catch (IOException e) {
                pauseAfter(op, n, start, e);
            }
        }
    }

    /** After an I/O error: waits for the next attempt, or throws the sentence that ends the operation. */
    void pauseAfter(Operation op, int attempt, long startNanos, IOException e) {
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
        pause(op, attempt, new FailedAttempt(attempt, since(startNanos), method, url, 0, null, cause),
                noAnswer(e), problem(cause));
    }

    private void pause(Operation op, int attempt, FailedAttempt failure, ErrorResponse response, String problem) {
        Optional<Duration> delay = policy.retry(failure);
        if (delay.isEmpty()) {
            String message = op.registry() + " " + problem + " for " + op.repository() + " (" + op.action()
                    + "); gave up after " + attempt + (attempt == 1 ? " attempt" : " attempts") + " in "
                    + String.format("%.1f", failure.elapsed().toMillis() / 1e3) + " s.";
            log.debug("giving up on " + op.where() + " after " + attempt + " attempts: " + problem);
            throw failure.error() != null
                    ? new RegistryUnreachableException(message, failure.error(), response)
                    : new RegistryResponseException(message, null, response);
        }
        log.debug("retrying " + op.where() + " in " + delay.get().toMillis() + " ms (attempt " + attempt
                + " failed: " + problem + ")");
        try {
            Thread.sleep(delay.get().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("Interrupted while waiting to retry " + op.where() + ".", e);
        }
    }

    RegistryUnreachableException tlsFailure(Operation op, SSLException e) {
        return new RegistryUnreachableException("Could not reach " + op.where() + " over HTTPS: " + e.getMessage()
                + (allowInsecure ? "." : "; if the registry uses plain HTTP or a self-signed certificate, set"
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

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
