package dev.fita.oci.registry;

import java.time.Duration;

/** A retryable answer (408, 429, 5xx), thrown so that the retry layer sees it; never leaves the client. */
final class RetryableStatus extends Exception {

    final String method;
    final String url;
    final int status;
    final Duration retryAfter;
    final transient ErrorResponse response;

    RetryableStatus(String description, ErrorResponse response, Duration retryAfter) {
        super(description, null, false, false);
        this.method = response.method();
        this.url = response.url();
        this.status = response.status();
        this.retryAfter = retryAfter;
        this.response = response;
    }
}
