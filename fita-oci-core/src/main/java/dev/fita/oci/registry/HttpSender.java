package dev.fita.oci.registry;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpContent;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;

/**
 * The bottom layer: sends exactly one HTTP request (no redirects, no retries, no auth decisions)
 * and logs one debug line for it: method, URL without its query, status. Never headers or bodies,
 * so credentials and tokens cannot reach a log.
 */
final class HttpSender {

    private final HttpRequestFactory http;
    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Consumer<String> debug;

    HttpSender(HttpRequestFactory http, String userAgent, Duration connectTimeout, Duration readTimeout,
            Consumer<String> debug) {
        this.http = http;
        this.userAgent = userAgent;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.debug = debug;
    }

    void debug(String line) {
        debug.accept(line);
    }

    /** Sends the request; an I/O failure comes back as a {@link RequestFailure} naming method and URL. */
    HttpExchange execute(String method, String url, Map<String, String> headers, HttpContent content,
            String authorization) throws IOException {
        HttpHeaders h = new HttpHeaders();
        h.setUserAgent(userAgent);
        h.setAcceptEncoding(null);
        if (authorization != null) {
            h.setAuthorization(authorization);
        }
        headers.forEach(h::set);
        String shown = withoutQuery(url);
        try {
            HttpRequest request = http.buildRequest(method, new GenericUrl(url, true), content)
                    .setHeaders(h)
                    .setFollowRedirects(false)
                    .setThrowExceptionOnExecuteError(false)
                    .setNumberOfRetries(0)
                    .setLoggingEnabled(false)
                    .setCurlLoggingEnabled(false)
                    .setResponseReturnRawInputStream(true)
                    .setConnectTimeout((int) connectTimeout.toMillis())
                    .setReadTimeout((int) readTimeout.toMillis());
            request.setIOExceptionHandler(null);
            request.setUnsuccessfulResponseHandler(null);
            HttpExchange exchange = new HttpExchange(request.execute(), method, url);
            debug.accept(method + " " + shown + " -> " + exchange.status());
            return exchange;
        } catch (IOException e) {
            debug.accept(method + " " + shown + " failed: " + describe(e));
            throw new RequestFailure(method, shown, e);
        }
    }

    /** Upload URLs carry opaque state and token URLs their scopes in the query; neither belongs in a log or message. */
    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }
}
