package dev.fita.maven.it.diff;

/**
 * One way the candidate image differs from Jib's: on {@code platform} ({@code *} for the whole
 * image), {@code field} (e.g. {@code config.env.JAVA_OPTS}, {@code file.mode}) at {@code where}
 * (the paths concerned, or empty) has {@code jib} in Jib's image and {@code candidate} in the other.
 * {@code allowedBy} names the rule of {@link AllowedDifference} that permits it, or is null.
 */
public record Difference(String platform, String field, String where, String jib, String candidate,
        AllowedDifference allowedBy) {

    Difference(String platform, String field, String where, String jib, String candidate) {
        this(platform, field, where, jib, candidate, null);
    }

    public boolean allowed() {
        return allowedBy != null;
    }

    Difference allowedBy(AllowedDifference rule) {
        return new Difference(platform, field, where, jib, candidate, rule);
    }

    /** {@code linux/amd64  file.mode  /entrypoint.sh  jib: 0755  candidate: 0644}. */
    String format() {
        return platform + "  " + field + (where.isEmpty() ? "" : "  " + where) + "  jib: " + jib + "  candidate: "
                + candidate + (allowedBy == null ? "" : "  (allowed: " + allowedBy.title() + ")");
    }
}
