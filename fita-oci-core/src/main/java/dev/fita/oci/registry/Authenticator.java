package dev.fita.oci.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The {@code Authorization} value for a request, by the registry's challenge: Basic, or a bearer token per scope set. */
final class Authenticator {

    private final CredentialProvider credentials;
    private final TokenCache tokens;
    private final TokenService tokenService;

    Authenticator(CredentialProvider credentials, TokenCache tokens, TokenService tokenService) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.tokenService = tokenService;
    }

    /**
     * The header value for {@code scopes}, or null for none. {@code refused} is the value a 401 just
     * turned down (null on a first try): a bearer token is then fetched again.
     */
    String authorization(Operation op, AuthChallenge challenge, List<String> scopes, String refused)
            throws IOException, RetryableStatus {
        Optional<Credentials> creds = credentials.forRegistry(op.registry());
        if (challenge.isBasic()) {
            return creds.map(Authenticator::basic).orElse(null);
        }
        if (!challenge.isBearer()) {
            return null;
        }
        String refusedToken = refused != null && refused.startsWith("Bearer ") ? refused.substring(7) : null;
        return "Bearer " + tokens.get(op.registry(), scopes, refusedToken,
                () -> tokenService.fetch(op, challenge, scopes, creds));
    }

    boolean hasCredentials(String registry) {
        return credentials.forRegistry(registry).isPresent();
    }

    static String basic(Credentials c) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
    }
}
