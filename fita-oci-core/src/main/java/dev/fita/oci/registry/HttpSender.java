package dev.fita.oci.registry;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpContent;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;

/**
 * The bottom layer: sends exactly one HTTP request (no redirects, no retries, no auth decisions)
 * and logs one debug line for it: method, URL without its query, status. Never headers or bodies,
 * so credentials and tokens cannot reach a log. A registry's {@code Warning: 299 - "…"} headers
 * (deprecations, distribution-spec 1.1) go to the warning log, each text once.
 */
final class HttpSender {

    /** {@code 299 - "text"}: warn-code, agent, quoted text (RFC 7234 5.5), several per header value. */
    private static final Pattern WARNING = Pattern.compile("(\\d{3})\\s+\\S+\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpRequestFactory http;
    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Consumer<String> debug;
    private final Consumer<String> warnings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    HttpSender(HttpRequestFactory http, String userAgent, Duration connectTimeout, Duration readTimeout,
            Consumer<String> debug, Consumer<String> warnings) {
        this.http = http;
        this.userAgent = userAgent;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.debug = debug;
        this.warnings = warnings;
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
            warnings(url, exchange);
            return exchange;
        } catch (IOException e) {
            debug.accept(method + " " + shown + " failed: " + describe(e));
            throw new RequestFailure(method, shown, e);
        }
    }

    /** Each {@code 299} warning text once per client, prefixed with the host that sent it. */
    private void warnings(String url, HttpExchange exchange) {
        for (String value : exchange.headers("Warning")) {
            Matcher m = WARNING.matcher(value);
            while (m.find()) {
                String text = m.group(2).replaceAll("\\\\(.)", "$1").trim();
                if (m.group(1).equals("299") && !text.isEmpty() && warned.add(text)) {
                    warnings.accept(URI.create(url).getAuthority() + " warns: " + text);
                }
            }
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
