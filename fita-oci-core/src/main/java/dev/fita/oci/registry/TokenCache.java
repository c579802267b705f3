package dev.fita.oci.registry;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Bearer tokens per registry and scope set, each fetched once even when parallel uploads all start at once. */
final class TokenCache {

    record Token(String value, long expiresAtNanos) {
        boolean usable() {
            return System.nanoTime() < expiresAtNanos;
        }
    }

    @FunctionalInterface
    interface Fetch {
        Token fetch() throws IOException, RetryableStatus;
    }

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * The token for {@code scopes} on {@code registry}: the cached one while it is valid and is not
     * {@code refused} (the value a 401 just turned down; another thread may have replaced it already),
     * else a fresh one.
     */
    String get(String registry, List<String> scopes, String refused, Fetch fetch) throws IOException, RetryableStatus {
        String key = registry + "|" + new TreeSet<>(scopes);
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Token cached = tokens.get(key);
            if (cached != null && cached.usable() && !cached.value().equals(refused)) {
                return cached.value();
            }
            Token fresh = fetch.fetch();
            tokens.put(key, fresh);
            return fresh.value();
        }
    }

    /** Every token held, so that text echoing one can be scrubbed. */
    Collection<String> values() {
        return tokens.values().stream().map(Token::value).toList();
    }
}
