package dev.fita.oci.registry;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.google.api.client.http.HttpContent;

/**
 * One HTTP request of an operation. The body is made again for each send, so a re-authenticated,
 * redirected or retried request can resend it; {@code scopes} are what a bearer token for it must grant.
 */
record Request(Operation op, String method, String url, Map<String, String> headers, Body body, List<String> scopes) {

    @FunctionalInterface
    interface Body {
        HttpContent create() throws IOException;
    }

    Request {
        headers = Map.copyOf(headers);
        scopes = List.copyOf(scopes);
    }

    /** A request with the operation's own scope. */
    static Request of(Operation op, String method, String url, Map<String, String> headers, Body body) {
        return new Request(op, method, url, headers, body, List.of(op.scope()));
    }

    /** GET and HEAD follow every redirect; other methods only 307 and 308, which keep the method and body. */
    boolean follows(int status) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        return status == 307 || status == 308 || (read && (status == 301 || status == 302 || status == 303));
    }
}
