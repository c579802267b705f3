package dev.fita.oci.registry;

/**
 * The registry's pull rate limit is used up (Docker Hub's {@code 429 TOOMANYREQUESTS} with
 * {@code ratelimit-remaining: 0}): not retried, since the window lasts hours, not seconds.
 */
public class RateLimitException extends RegistryResponseException {

    private final transient RateLimit limit;

    RateLimitException(String message, ErrorResponse response, RateLimit limit) {
        super(message, null, response);
        this.limit = limit;
    }

    /** Pulls allowed per window, as the registry counts them. */
    public long limit() {
        return limit.limit();
    }

    /** Pulls left in the window (0 when this exception is thrown). */
    public long remaining() {
        return limit.remaining();
    }

    /** The window in seconds, or 0 when the registry did not say. */
    public long windowSeconds() {
        return limit.windowSeconds();
    }
}
