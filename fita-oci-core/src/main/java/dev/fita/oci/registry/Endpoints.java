package dev.fita.oci.registry;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLException;

/**
 * Finds, once per registry, where its API is ({@code https}, or {@code http} when insecure registries
 * are allowed and HTTPS fails) and how it wants to be authenticated (the challenge of {@code GET /v2/}).
 * When insecure registries are not allowed and the TLS handshake fails, one plain {@code GET /v2/}
 * tells whether the registry simply speaks HTTP: that ends at once with
 * {@link PlainHttpRegistryException} instead of retrying a handshake that cannot succeed.
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
                    if (speaksPlainHttp(op.registry())) {
                        throw new PlainHttpRegistryException(op.registry(), ssl);
                    }
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
                throw responses.retryable(op.registry(), r, r.status() + " to GET /v2/");
            }
            AuthChallenge challenge = r.status() == 401 ? AuthChallenge.parse(r.header("WWW-Authenticate")) : AuthChallenge.NONE;
            return new Endpoint(origin, challenge);
        }
    }

    /**
     * Whether {@code GET http://registry/v2/} gets a registry's answer: 200 or 401, or the API version
     * header. A TLS server that answers plain HTTP at all (Go's says 400 "Client sent an HTTP request to
     * an HTTPS server") is not a plain registry: its handshake failed for another reason.
     */
    private boolean speaksPlainHttp(String registry) {
        try (HttpExchange r = sender.execute("GET", "http://" + DockerHub.apiHost(registry) + "/v2/", Map.of(), null, null)) {
            return r.status() == 200 || r.status() == 401 || r.header("Docker-Distribution-API-Version") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
