package dev.fita.oci.registry;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLException;

/**
 * Finds, once per registry, where its API is ({@code https}, or {@code http} when insecure registries
 * are allowed and HTTPS fails) and how it wants to be authenticated (the challenge of {@code GET /v2/}).
 */
final class Endpoints {

    /** A registry's API origin and its current auth challenge. */
    record Endpoint(String origin, AuthChallenge challenge) {
        Endpoint withChallenge(AuthChallenge newChallenge) {
            return new Endpoint(origin, newChallenge);
        }
    }

    private final HttpSender sender;
    private final Responses responses;
    private final Retrier retrier;
    private final boolean allowInsecure;
    private final Map<String, Endpoint> known = new ConcurrentHashMap<>();

    Endpoints(HttpSender sender, Responses responses, Retrier retrier, boolean allowInsecure) {
        this.sender = sender;
        this.responses = responses;
        this.retrier = retrier;
        this.allowInsecure = allowInsecure;
    }

    Endpoint get(Operation op) throws IOException, RetryableStatus {
        Endpoint endpoint = known.get(op.registry());
        if (endpoint != null) {
            return endpoint;
        }
        try {
            endpoint = ping(op, "https");
        } catch (IOException e) {
            IOException cause = RequestFailure.unwrap(e);
            if (cause instanceof UnknownHostException) {
                throw e;
            }
            if (!allowInsecure) {
                if (cause instanceof SSLException ssl) {
                    throw retrier.tlsFailure(op, ssl);
                }
                throw e;
            }
            sender.debug("HTTPS to " + op.registry() + " failed (" + HttpSender.describe(cause) + "); trying plain HTTP");
            endpoint = ping(op, "http");
        }
        known.put(op.registry(), endpoint);
        return endpoint;
    }

    /** Remembers a challenge a 401 brought (a registry may switch from Basic to Bearer, or change realm). */
    void update(Operation op, Endpoint endpoint) {
        known.put(op.registry(), endpoint);
    }

    private Endpoint ping(Operation op, String scheme) throws IOException, RetryableStatus {
        String origin = scheme + "://" + DockerHub.apiHost(op.registry());
        try (HttpExchange r = sender.execute("GET", origin + "/v2/", Map.of(), null, null)) {
            if (Responses.isRetryable(r.status())) {
                throw new RetryableStatus(r.status() + " to GET /v2/", responses.read(op.registry(), r), r.retryAfter());
            }
            AuthChallenge challenge = r.status() == 401 ? AuthChallenge.parse(r.header("WWW-Authenticate")) : AuthChallenge.NONE;
            return new Endpoint(origin, challenge);
        }
    }
}
