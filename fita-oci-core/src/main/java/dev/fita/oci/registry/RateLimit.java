package dev.fita.oci.registry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's pull rate limit from Docker Hub's headers, {@code ratelimit-limit: 100;w=21600} and
 * {@code ratelimit-remaining: 0;w=21600}: pulls per window of {@code w} seconds. The one place that
 * reads those headers and says what they mean, for this client and for Jib's base image pulls.
 */
public record RateLimit(long limit, long remaining, long windowSeconds) {

    private static final Pattern VALUE = Pattern.compile("\\s*(\\d+)\\s*(?:;\\s*w\\s*=\\s*(\\d+))?.*");

    /** The limit the two header values state, or empty when either is absent or unreadable. */
    public static Optional<RateLimit> of(String limitHeader, String remainingHeader) {
        Matcher limit = match(limitHeader);
        Matcher remaining = match(remainingHeader);
        if (limit == null || remaining == null) {
            return Optional.empty();
        }
        String w = remaining.group(2) != null ? remaining.group(2) : limit.group(2);
        return Optional.of(new RateLimit(Long.parseLong(limit.group(1)), Long.parseLong(remaining.group(1)),
                w == null ? 0 : Long.parseLong(w)));
    }

    static RateLimit of(HttpExchange r) {
        return of(r.header("ratelimit-limit"), r.header("ratelimit-remaining")).orElse(null);
    }

    private static Matcher match(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = VALUE.matcher(header);
        return m.matches() ? m : null;
    }

    public boolean usedUp() {
        return remaining <= 0;
    }

    /**
     * "pull rate limit is used up (0 of 100 pulls per 6 hours remain for anonymous pulls from this
     * address); logging in raises it", after whose limit it is. {@code loggedIn} null: not known.
     */
    public String describe(Boolean loggedIn) {
        String whom = loggedIn == null ? "" : loggedIn ? " for these credentials" : " for anonymous pulls from this address";
        String raise = loggedIn == null ? "logging in (or a paid plan) raises it"
                : loggedIn ? "it resets within " + (windowSeconds > 0 ? window() : "its window") + ", and a paid plan raises it"
                : "logging in raises it";
        return "pull rate limit is used up (" + remaining + " of " + limit + " pulls per " + window() + " remain" + whom
                + "); " + raise;
    }

    /** "6 hours", "90 minutes", "45 seconds"; "window" when unknown. */
    String window() {
        if (windowSeconds <= 0) {
            return "window";
        }
        if (windowSeconds % 3600 == 0) {
            return windowSeconds / 3600 + (windowSeconds == 3600 ? " hour" : " hours");
        }
        if (windowSeconds % 60 == 0) {
            return windowSeconds / 60 + " minutes";
        }
        return windowSeconds + " seconds";
    }
}
