package dev.fita.oci.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fita.oci.Json;

/**
 * The one place an HTTP answer becomes a typed exception: 408, 429 and 5xx are retryable, 401 and
 * 403 are about credentials, 404 is not found, anything else unexpected is a response error. Each
 * exception carries the {@link ErrorResponse}: method, URL, status and the registry's error codes.
 */
final class Responses {

    /** Error bodies are read only this far: enough for any real error, too little to hurt. */
    static final int MAX_ERROR_BODY = 64 * 1024;

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
                    errors.add(new RegistryError(e.path("code").asText(""),
                            secrets.scrub(registry, e.path("message").asText(""))));
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // some proxies answer with HTML: the status line is all there is
        }
        return new ErrorResponse(r.method(), HttpSender.withoutQuery(r.url()), r.status(), r.reason(), errors);
    }

    /** The exception for an answer the endpoint did not expect; a retryable one is thrown for the retry layer. */
    RuntimeException unexpected(Operation op, HttpExchange r) throws RetryableStatus {
        ErrorResponse response = read(op.registry(), r);
        String error = response.describe();
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
