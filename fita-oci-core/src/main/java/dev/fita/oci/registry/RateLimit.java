package dev.fita.oci.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's pull rate limit from Docker Hub's headers, {@code ratelimit-limit: 100;w=21600} and
 * {@code ratelimit-remaining: 0;w=21600} (pulls per window of {@code w} seconds).
 */
record RateLimit(long limit, long remaining, long windowSeconds) {

    private static final Pattern VALUE = Pattern.compile("\\s*(\\d+)\\s*(?:;\\s*w\\s*=\\s*(\\d+))?.*");

    /** The limit an answer states, or null when it sends no such headers. */
    static RateLimit of(HttpExchange r) {
        Matcher limit = match(r.header("ratelimit-limit"));
        Matcher remaining = match(r.header("ratelimit-remaining"));
        if (limit == null || remaining == null) {
            return null;
        }
        String w = remaining.group(2) != null ? remaining.group(2) : limit.group(2);
        return new RateLimit(Long.parseLong(limit.group(1)), Long.parseLong(remaining.group(1)),
                w == null ? 0 : Long.parseLong(w));
    }

    private static Matcher match(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = VALUE.matcher(header);
        return m.matches() ? m : null;
    }

    boolean usedUp() {
        return remaining <= 0;
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
