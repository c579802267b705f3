package dev.fita.oci.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fita.oci.Json;

/**
 * Asks a bearer challenge's token realm for a token, sending the registry's credentials (if any) as
 * Basic, for all the scopes a request needs in one token (a mount needs push on the target and pull on
 * the source repository). The answer's {@code token} or {@code access_token} is used as it is.
 */
final class TokenService {

    /** Token answers are small JSON documents; a bigger one is not a token service. */
    static final int MAX_TOKEN_BODY = 256 * 1024;

    private final HttpSender sender;
    private final Responses responses;
    private final boolean allowInsecure;

    TokenService(HttpSender sender, Responses responses, boolean allowInsecure) {
        this.sender = sender;
        this.responses = responses;
        this.allowInsecure = allowInsecure;
    }

    TokenCache.Token fetch(Operation op, AuthChallenge challenge, List<String> scopes, Optional<Credentials> creds)
            throws IOException, RetryableStatus {
        String realm = challenge.param("realm");
        if (realm == null || realm.isBlank()) {
            throw new RegistryAuthenticationException(op.registry() + " asked for a bearer token for "
                    + op.repository() + " (" + op.access() + ") but named no token realm.");
        }
        URI realmUri = URI.create(realm);
        if (creds.isPresent() && "http".equalsIgnoreCase(realmUri.getScheme()) && !allowInsecure
                && !Redirects.isLoopback(realmUri.getHost())) {
            throw new RegistryAuthenticationException(op.registry() + " asked for credentials for " + op.repository()
                    + " over plain HTTP at " + realmUri.getHost() + "; refusing to send them unless"
                    + " allowInsecureRegistries is set.");
        }
        String authorization = creds.map(Authenticator::basic).orElse(null);
        try (HttpExchange r = sender.execute("GET", url(realm, challenge.param("service"), scopes),
                Map.of("Accept", "application/json"), null, authorization)) {
            if (r.status() != 200) {
                throw failure(op, r);
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
            // Tokens may be opaque (GHCR's are not JWTs): only the answer's expires_in says how long one lasts.
            long seconds = json.path("expires_in").asLong(60);
            long millis = Duration.ofSeconds(seconds > 0 ? seconds : 60).toMillis();
            // Renewed a little early (a tenth of its life, at most 5 s) so it does not expire between check and use.
            return new TokenCache.Token(token, System.nanoTime()
                    + Duration.ofMillis(millis - Math.min(5000, millis / 10)).toNanos());
        }
    }

    private RuntimeException failure(Operation op, HttpExchange r) throws RetryableStatus {
        ErrorResponse response = responses.read(op.registry(), r);
        if (Responses.isRetryable(r.status())) {
            throw new RetryableStatus(r.status() + " from the token service", response, r.retryAfter());
        }
        if (r.status() == 401 || r.status() == 403) {
            return responses.authFailure(op, response);
        }
        return new RegistryResponseException("The token service of " + op.registry() + " answered "
                + response.describe() + " for " + op.repository() + " (" + op.access() + ").", null, response);
    }

    private static String url(String realm, String service, List<String> scopes) {
        StringBuilder url = new StringBuilder(realm);
        char sep = realm.contains("?") ? '&' : '?';
        if (service != null) {
            url.append(sep).append("service=").append(enc(service));
            sep = '&';
        }
        for (String scope : new TreeSet<>(scopes)) {
            url.append(sep).append("scope=").append(enc(scope));
            sep = '&';
        }
        return url.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
