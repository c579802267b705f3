package dev.fita.oci.registry;

import java.util.Optional;

/**
 * Keeps secrets out of text a server sent back: an error body that echoes a request header must not
 * carry a password or token into an exception message.
 */
final class Secrets {

    private final CredentialProvider credentials;
    private final TokenCache tokens;

    Secrets(CredentialProvider credentials, TokenCache tokens) {
        this.credentials = credentials;
        this.tokens = tokens;
    }

    boolean hasCredentials(String registry) {
        return credentials.forRegistry(registry).isPresent();
    }

    /** {@code text} with this registry's password, its Basic value and every token we hold replaced by ****. */
    String scrub(String registry, String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        Optional<Credentials> c = credentials.forRegistry(registry);
        if (c.isPresent() && !c.get().password().isEmpty()) {
            out = out.replace(c.get().password(), "****");
            out = out.replace(Authenticator.basic(c.get()).substring("Basic ".length()), "****");
        }
        for (String token : tokens.values()) {
            out = out.replace(token, "****");
        }
        return out;
    }
}
