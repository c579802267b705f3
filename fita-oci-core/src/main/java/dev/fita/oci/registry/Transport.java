package dev.fita.oci.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers under the endpoints, each its own class, wired here: {@link Endpoints} (scheme and
 * challenge per registry) → {@link Authenticator} (Basic, or bearer tokens from {@link TokenService}
 * cached per scope set by {@link TokenCache}) → {@link Redirects} (credentials only to the registry's
 * origin) → {@link HttpSender} (one request, one debug line), with the {@link Retrier} around each
 * request that is safe to repeat and {@link Responses} turning answers into typed exceptions.
 */
final class Transport {

    private final Endpoints endpoints;
    private final Authenticator authenticator;
    private final Redirects redirects;
    private final Retrier retrier;
    private final Responses responses;

    Transport(HttpSender sender, CredentialProvider credentials, boolean allowInsecure, RetryPolicy policy) {
        TokenCache tokens = new TokenCache();
        this.responses = new Responses(new Secrets(credentials, tokens));
        this.retrier = new Retrier(policy, sender, allowInsecure);
        this.endpoints = new Endpoints(sender, responses, retrier, allowInsecure);
        this.authenticator = new Authenticator(credentials, tokens, new TokenService(sender, responses, allowInsecure));
        this.redirects = new Redirects(sender, allowInsecure);
    }

    /** {@code scheme://host} of the registry's API, found on first use. */
    String origin(Operation op) throws IOException, RetryableStatus {
        return endpoints.get(op).origin();
    }

    /**
     * Sends one request authenticated, following redirects; on a 401 with a new challenge or a
     * refusable token, authenticates once more. Returns the final answer, whatever its status.
     */
    HttpExchange send(Request request) throws IOException, RetryableStatus {
        Operation op = request.op();
        Endpoints.Endpoint endpoint = endpoints.get(op);
        String authorization = authenticator.authorization(op, endpoint.challenge(), request.scopes(), null);
        HttpExchange r = redirects.send(request, endpoint.origin(), authorization);
        if (r.status() != 401) {
            return r;
        }
        AuthChallenge challenge = AuthChallenge.parse(r.header("WWW-Authenticate"));
        boolean none = challenge.scheme().equals("none");
        boolean newChallenge = !none && !challenge.scheme().equals(endpoint.challenge().scheme());
        boolean canRefresh = challenge.isBearer()
                || (challenge.isBasic() && authorization == null && authenticator.hasCredentials(op.registry()));
        if (!newChallenge && !canRefresh) {
            return r;
        }
        r.close();
        Endpoints.Endpoint updated = none ? endpoint : endpoint.withChallenge(challenge);
        endpoints.update(op, updated);
        List<String> scopes = withChallengeScopes(request.scopes(), challenge.param("scope"));
        String refreshed = authenticator.authorization(op, updated.challenge(), scopes, authorization);
        return redirects.send(request, updated.origin(), refreshed);
    }

    /** The challenge's scopes for resources the request does not already ask about. */
    private static List<String> withChallengeScopes(List<String> scopes, String challengeScopes) {
        List<String> all = new ArrayList<>(scopes);
        if (challengeScopes != null) {
            for (String s : challengeScopes.split(" ")) {
                String resource = s.contains(":") ? s.substring(0, s.lastIndexOf(':') + 1) : s;
                if (!s.isBlank() && all.stream().noneMatch(have -> have.startsWith(resource))) {
                    all.add(s);
                }
            }
        }
        return all;
    }

    <T> T retrying(Operation op, Retrier.Attempt<T> attempt) {
        return retrier.run(op, attempt);
    }

    Retrier retrier() {
        return retrier;
    }

    Responses responses() {
        return responses;
    }
}
