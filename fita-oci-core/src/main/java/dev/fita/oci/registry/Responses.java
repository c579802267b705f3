package dev.fita.oci.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fita.oci.Json;

/**
 * The one place an HTTP answer becomes a typed exception: 408, 429 and 5xx are retryable (except a
 * used-up pull rate limit, which lasts hours), 401 and 403 are about credentials, 404 is not found,
 * anything else unexpected is a response error. Each exception carries the {@link ErrorResponse}:
 * method, URL, status and the registry's error codes.
 */
final class Responses {

    /** Error bodies are read only this far: enough for any real error, too little to hurt. */
    static final int MAX_ERROR_BODY = 64 * 1024;

    /** An error's detail is kept only this long in messages. */
    private static final int MAX_DETAIL = 500;

    private final Secrets secrets;

    Responses(Secrets secrets) {
        this.secrets = secrets;
    }

    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** The answer's method, URL, status and error entries (messages scrubbed of secrets). */
    ErrorResponse read(String registry, HttpExchange r) {
        List<RegistryError> errors = new ArrayList<>();
        try {
            byte[] body = r.readCapped(MAX_ERROR_BODY);
            JsonNode list = body == null || body.length == 0 ? null : Json.mapper().readTree(body).path("errors");
            if (list != null && list.isArray()) {
                for (JsonNode e : list) {
                    JsonNode d = e.path("detail");
                    String detail = d.isMissingNode() || d.isNull() ? "" : d.isTextual() ? d.asText() : d.toString();
                    errors.add(new RegistryError(e.path("code").asText(""),
                            secrets.scrub(registry, e.path("message").asText("")),
                            secrets.scrub(registry, detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail)));
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // some proxies answer with HTML: the status line is all there is
        }
        return new ErrorResponse(r.method(), HttpSender.withoutQuery(r.url()), r.status(), r.reason(), errors);
    }

    /** A retryable answer as the exception the retry layer catches. */
    RetryableStatus retryable(String registry, HttpExchange r, String description) {
        return new RetryableStatus(description, read(registry, r), r.retryAfter());
    }

    /** The exception for an answer the endpoint did not expect; a retryable one is thrown for the retry layer. */
    RuntimeException unexpected(Operation op, HttpExchange r) throws RetryableStatus {
        ErrorResponse response = read(op.registry(), r);
        String error = response.describe();
        RateLimit limit = response.status() == 429 ? RateLimit.of(r) : null;
        if (limit != null && limit.usedUp()) {
            return rateLimited(op, response, limit);
        }
        if (isRetryable(response.status())) {
            throw new RetryableStatus(response.status() + " (" + error + ")", response, r.retryAfter());
        }
        if (response.status() == 401 || response.status() == 403) {
            return authFailure(op, response);
        }
        if (response.status() == 404) {
            return new NotFoundException(op.registry() + " has no such content in " + op.repository() + " ("
                    + op.action() + "): " + error, null, response);
        }
        return new RegistryResponseException(op.registry() + " answered " + response.status() + " for "
                + op.repository() + " (" + op.action() + "): " + error, null, response);
    }

    /** Docker Hub's pull limit: how many pulls remain, and that logging in raises it. */
    private RateLimitException rateLimited(Operation op, ErrorResponse response, RateLimit limit) {
        String whose = DockerHub.isDockerHub(op.registry()) ? "Docker Hub's" : "its";
        return new RateLimitException(op.registry() + " refused " + op.action() + " for " + op.repository() + ": "
                + whose + " " + limit.describe(secrets.hasCredentials(op.registry())) + ".", response, limit);
    }

    RegistryAuthenticationException authFailure(Operation op, ErrorResponse response) {
        String error = secrets.scrub(op.registry(), response.describe());
        if (secrets.hasCredentials(op.registry())) {
            return new RegistryAuthenticationException(op.registry() + " rejected the credentials for "
                    + op.repository() + " (" + op.access() + "): " + error, null, response);
        }
        return new RegistryAuthenticationException(op.registry() + " requires credentials for " + op.repository()
                + " (" + op.access() + ") and none were configured: " + error, null, response);
    }

    String scrub(String registry, String text) {
        return secrets.scrub(registry, text);
    }
}
