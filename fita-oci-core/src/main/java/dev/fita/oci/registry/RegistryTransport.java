package dev.fita.oci.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpContent;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;

import dev.fita.oci.Json;

/**
 * The HTTP side of the client: picks https or (when allowed) http per registry, authenticates
 * (basic, or bearer tokens cached per scope set and refreshed once on a 401), follows redirects
 * without forwarding {@code Authorization} to another origin, and retries by the {@link RetryPolicy}.
 * Never logs headers or bodies, so credentials and tokens cannot leak through logs.
 */
final class RegistryTransport {

    private static final Logger LOG = Logger.getLogger(RegistryTransport.class.getName());
    private static final int MAX_REDIRECTS = 5;
    /** Token answers are small JSON documents; a bigger one is not a token service. */
    static final int MAX_TOKEN_BODY = 256 * 1024;

    /** What an operation is, for messages: "registry.example.com ... fita/x (push): ...". */
    record Op(String registry, String repository, String action, String access) {
        String where() {
            return registry + " for " + repository + " (" + action + ")";
        }
    }

    /** Builds the request body again for each send, so a retried or re-authenticated request can resend it. */
    @FunctionalInterface
    interface Body {
        HttpContent create() throws IOException;
    }

    record Call(Op op, String method, String url, Map<String, String> headers, Body body, List<String> scopes,
            boolean followRedirects) {
    }

    /** A retryable answer (408, 429, 5xx) turned into an exception so the retry loop sees it. */
    static final class RetryableStatus extends Exception {
        final Duration retryAfter;

        RetryableStatus(String description, Duration retryAfter) {
            super(description, null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    @FunctionalInterface
    interface Attempt<T> {
        T run() throws IOException, RetryableStatus;
    }

    private record Endpoint(String scheme, AuthChallenge challenge) {
    }

    private record Token(String value, long expiresAtNanos) {
    }

    private final HttpRequestFactory http;
    private final CredentialProvider credentials;
    private final boolean allowInsecure;
    private final RetryPolicy retry;
    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> tokenLocks = new ConcurrentHashMap<>();

    RegistryTransport(HttpRequestFactory http, CredentialProvider credentials, boolean allowInsecure, RetryPolicy retry,
            String userAgent, Duration connectTimeout, Duration readTimeout) {
        this.http = http;
        this.credentials = credentials;
        this.allowInsecure = allowInsecure;
        this.retry = retry;
        this.userAgent = userAgent;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    boolean allowInsecure() {
        return allowInsecure;
    }

    /** {@code scheme://registry}, pinging the registry on first use. */
    String base(Op op) throws IOException, RetryableStatus {
        return endpoint(op).scheme + "://" + apiHost(op.registry());
    }

    /** Docker Hub's API is not served at the name users write. */
    static String apiHost(String registry) {
        return registry.equals(ImageReference.DOCKER_HUB) ? "registry-1.docker.io" : registry;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String repositoryScope(String repository, String actions) {
        return "repository:" + repository + ":" + actions;
    }

    // ---------------------------------------------------------------- retries

    <T> T retrying(Op op, Attempt<T> attempt) {
        long start = System.nanoTime();
        long budget = retry.totalTimeout().toNanos();
        for (int n = 1; ; n++) {
            Duration retryAfter = null;
            String problem;
            Exception cause;
            try {
                return attempt.run();
            } catch (RetryableStatus e) {
                retryAfter = e.retryAfter;
                problem = "kept answering " + e.getMessage();
                cause = null;
            } catch (UnknownHostException e) {
                throw new RegistryUnreachableException("Could not reach " + op.where() + ": unknown host "
                        + e.getMessage() + ".", e);
            } catch (SSLException e) {
                throw tlsFailure(op, e);
            } catch (IOException e) {
                problem = failure(e);
                cause = e;
            }
            long elapsed = System.nanoTime() - start;
            Duration delay = retry.delay(n, retryAfter);
            if (n >= retry.maxAttempts() || elapsed + delay.toNanos() > budget) {
                String msg = op.registry() + " " + problem + " for " + op.repository() + " (" + op.action()
                        + "); gave up after " + n + (n == 1 ? " attempt" : " attempts") + " in "
                        + String.format("%.1f", elapsed / 1e9) + " s.";
                throw cause != null ? new RegistryUnreachableException(msg, cause) : new RegistryResponseException(msg);
            }
            LOG.log(Level.FINE, () -> "retrying " + op.where() + " in " + delay.toMillis() + " ms: " + problem);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("Interrupted while waiting to retry " + op.where() + ".", e);
            }
        }
    }

    /** What went wrong, as words that follow the registry's name in a message. */
    private static String failure(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "refused the connection (is a registry listening at that address?)";
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return "did not answer in time";
        }
        return "failed with " + describe(e);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }

    private RegistryUnreachableException tlsFailure(Op op, SSLException e) {
        return new RegistryUnreachableException("Could not reach " + op.where() + " over HTTPS: " + e.getMessage()
                + (allowInsecure ? "." : "; if the registry uses plain HTTP or a self-signed certificate, set"
                        + " allowInsecureRegistries."), e);
    }

    // ---------------------------------------------------------------- endpoints and auth

    private Endpoint endpoint(Op op) throws IOException, RetryableStatus {
        Endpoint known = endpoints.get(op.registry());
        if (known != null) {
            return known;
        }
        Endpoint found;
        try {
            found = ping(op, "https");
        } catch (UnknownHostException e) {
            throw e;
        } catch (IOException e) {
            if (!allowInsecure) {
                if (e instanceof SSLException ssl) {
                    throw tlsFailure(op, ssl);
                }
                throw e;
            }
            LOG.log(Level.FINE, () -> "HTTPS to " + op.registry() + " failed (" + describe(e) + "); trying plain HTTP");
            found = ping(op, "http");
        }
        endpoints.put(op.registry(), found);
        return found;
    }

    private Endpoint ping(Op op, String scheme) throws IOException, RetryableStatus {
        String url = scheme + "://" + apiHost(op.registry()) + "/v2/";
        try (HttpExchange r = execute("GET", url, Map.of(), null, null)) {
            if (isRetryable(r.status())) {
                throw new RetryableStatus(r.status() + " to GET /v2/", r.retryAfter());
            }
            AuthChallenge challenge = r.status() == 401 ? AuthChallenge.parse(r.header("WWW-Authenticate")) : AuthChallenge.NONE;
            return new Endpoint(scheme, challenge);
        }
    }

    private String authorization(Op op, Endpoint endpoint, List<String> scopes, boolean refresh)
            throws IOException, RetryableStatus {
        AuthChallenge ch = endpoint.challenge;
        Optional<Credentials> creds = credentials.forRegistry(op.registry());
        if (ch.isBasic()) {
            return creds.map(RegistryTransport::basic).orElse(null);
        }
        if (!ch.isBearer()) {
            return null;
        }
        String key = op.registry() + "|" + new TreeSet<>(scopes);
        Token seen = tokens.get(key);
        // One fetch per scope set even when parallel uploads all start at once.
        synchronized (tokenLocks.computeIfAbsent(key, k -> new Object())) {
            Token cached = tokens.get(key);
            boolean usable = cached != null && System.nanoTime() < cached.expiresAtNanos;
            // On refresh, another thread may already have replaced the token that was refused.
            if (usable && (!refresh || cached != seen)) {
                return "Bearer " + cached.value;
            }
            Token fresh = fetchToken(op, ch, scopes, creds);
            tokens.put(key, fresh);
            return "Bearer " + fresh.value;
        }
    }

    private static String basic(Credentials c) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
    }

    private Token fetchToken(Op op, AuthChallenge ch, List<String> scopes, Optional<Credentials> creds)
            throws IOException, RetryableStatus {
        String realm = ch.param("realm");
        if (realm == null || realm.isBlank()) {
            throw new RegistryAuthenticationException(op.registry() + " asked for a bearer token for "
                    + op.repository() + " (" + op.access() + ") but named no token realm.");
        }
        StringBuilder url = new StringBuilder(realm);
        char sep = realm.contains("?") ? '&' : '?';
        if (ch.param("service") != null) {
            url.append(sep).append("service=").append(enc(ch.param("service")));
            sep = '&';
        }
        for (String scope : new TreeSet<>(scopes)) {
            url.append(sep).append("scope=").append(enc(scope));
            sep = '&';
        }
        URI realmUri = URI.create(realm);
        if (creds.isPresent() && "http".equalsIgnoreCase(realmUri.getScheme()) && !allowInsecure
                && !isLoopback(realmUri.getHost())) {
            throw new RegistryAuthenticationException(op.registry() + " asked for credentials for " + op.repository()
                    + " over plain HTTP at " + realmUri.getHost() + "; refusing to send them unless"
                    + " allowInsecureRegistries is set.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        try (HttpExchange r = execute("GET", url.toString(), headers, null, creds.map(RegistryTransport::basic).orElse(null))) {
            if (isRetryable(r.status())) {
                throw new RetryableStatus(r.status() + " from the token service", r.retryAfter());
            }
            if (r.status() == 401 || r.status() == 403) {
                throw authFailure(op, creds.isPresent(), RegistryErrors.describe(r));
            }
            if (r.status() != 200) {
                throw new RegistryResponseException("The token service of " + op.registry() + " answered "
                        + scrub(op.registry(), RegistryErrors.describe(r)) + " for " + op.repository() + " ("
                        + op.access() + ").");
            }
            byte[] body = r.readCapped(MAX_TOKEN_BODY);
            if (body == null) {
                throw new SizeLimitException("The token service of " + op.registry() + " sent an answer larger than "
                        + MAX_TOKEN_BODY / 1024 + " KiB for " + op.repository() + ".");
            }
            JsonNode json = Json.mapper().readTree(body);
            String token = json.path("token").asText("");
            if (token.isEmpty()) {
                token = json.path("access_token").asText("");
            }
            if (token.isEmpty()) {
                throw new RegistryResponseException("The token service of " + op.registry()
                        + " answered without a token for " + op.repository() + " (" + op.access() + ").");
            }
            long seconds = Math.max(json.path("expires_in").asLong(60), 10);
            // Refresh a little early so a token does not expire between check and use.
            return new Token(token, System.nanoTime() + Duration.ofSeconds(seconds - 5).toNanos());
        }
    }

    /**
     * Removes this registry's password and any token we hold from text a server sent back, so that an
     * error body echoing a request header cannot carry a secret into an exception message.
     */
    String scrub(String registry, String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        Optional<Credentials> c = credentials.forRegistry(registry);
        if (c.isPresent() && !c.get().password().isEmpty()) {
            out = out.replace(c.get().password(), "****");
            String basic = basic(c.get()).substring("Basic ".length());
            out = out.replace(basic, "****");
        }
        for (Token t : tokens.values()) {
            out = out.replace(t.value, "****");
        }
        return out;
    }

    RegistryAuthenticationException authFailure(Op op, boolean hadCredentials, String rawRegistryError) {
        String registryError = scrub(op.registry(), rawRegistryError);
        if (hadCredentials) {
            return new RegistryAuthenticationException(op.registry() + " rejected the credentials for "
                    + op.repository() + " (" + op.access() + "): " + registryError);
        }
        return new RegistryAuthenticationException(op.registry() + " requires credentials for " + op.repository()
                + " (" + op.access() + ") and none were configured: " + registryError);
    }

    boolean hasCredentials(String registry) {
        return credentials.forRegistry(registry).isPresent();
    }

    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (h.matches("[0-9.]+") || h.contains(":")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends one call: authenticates, re-authenticates once on a 401, follows redirects (GET/HEAD).
     * Returns the final answer, whatever its status.
     */
    HttpExchange send(Call call) throws IOException, RetryableStatus {
        Endpoint endpoint = endpoint(call.op());
        String auth = authorization(call.op(), endpoint, call.scopes(), false);
        HttpExchange r = sendFollowing(call, endpoint, auth);
        if (r.status() != 401) {
            return r;
        }
        AuthChallenge challenge = AuthChallenge.parse(r.header("WWW-Authenticate"));
        boolean newChallenge = !challenge.scheme().equals(endpoint.challenge.scheme()) && !challenge.scheme().equals("none");
        boolean canRefresh = challenge.isBearer() || (challenge.isBasic() && auth == null && hasCredentials(call.op().registry()));
        if (!newChallenge && !canRefresh) {
            return r;
        }
        r.close();
        Endpoint updated = new Endpoint(endpoint.scheme, challenge.scheme().equals("none") ? endpoint.challenge : challenge);
        endpoints.put(call.op().registry(), updated);
        List<String> scopes = new ArrayList<>(call.scopes());
        String extra = challenge.param("scope");
        if (extra != null) {
            for (String s : extra.split(" ")) {
                // A scope for a resource we already ask about is covered; only unrelated ones are added.
                String resource = s.contains(":") ? s.substring(0, s.lastIndexOf(':') + 1) : s;
                if (!s.isBlank() && scopes.stream().noneMatch(have -> have.startsWith(resource))) {
                    scopes.add(s);
                }
            }
        }
        String refreshed = authorization(call.op(), updated, scopes, true);
        return sendFollowing(call, updated, refreshed);
    }

    private HttpExchange sendFollowing(Call call, Endpoint endpoint, String auth) throws IOException {
        String origin = endpoint.scheme + "://" + apiHost(call.op().registry());
        String url = call.url();
        for (int hop = 0; ; hop++) {
            boolean sameOrigin = sameOrigin(origin, url);
            HttpExchange r = execute(call.method(), url, call.headers(),
                    call.body() == null ? null : call.body().create(), sameOrigin ? auth : null);
            boolean redirect = call.followRedirects() && isRedirect(r.status()) && r.header("Location") != null;
            if (!redirect) {
                return r;
            }
            String location = URI.create(url).resolve(r.header("Location")).toString();
            r.close();
            if (hop >= MAX_REDIRECTS) {
                throw new RegistryResponseException(call.op().registry() + " redirected more than " + MAX_REDIRECTS
                        + " times for " + call.op().repository() + " (" + call.op().action() + ").");
            }
            if (location.startsWith("http://") && !allowInsecure && !isLoopback(URI.create(location).getHost())) {
                throw new RegistryResponseException(call.op().registry() + " redirected " + call.op().repository()
                        + " (" + call.op().action() + ") to plain HTTP at " + URI.create(location).getHost()
                        + "; set allowInsecureRegistries to follow it.");
            }
            url = location;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Same scheme, host and port (default ports made explicit). */
    static boolean sameOrigin(String a, String b) {
        URI x = URI.create(a);
        URI y = URI.create(b);
        return x.getScheme().equalsIgnoreCase(y.getScheme()) && x.getHost() != null
                && x.getHost().equalsIgnoreCase(y.getHost()) && port(x) == port(y);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private HttpExchange execute(String method, String url, Map<String, String> headers, HttpContent content,
            String authorization) throws IOException {
        HttpRequest request = http.buildRequest(method, new GenericUrl(url, true), content);
        HttpHeaders h = new HttpHeaders();
        h.setUserAgent(userAgent);
        h.setAcceptEncoding(null);
        if (authorization != null) {
            h.setAuthorization(authorization);
        }
        headers.forEach(h::set);
        request.setHeaders(h)
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
        LOG.log(Level.FINE, () -> method + " " + stripQuery(url));
        return new HttpExchange(request.execute(), url);
    }

    /** Upload URLs carry opaque state in the query; logs do not need it. */
    private static String stripQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
