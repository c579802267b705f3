package dev.fita.maven.it.diff;

import java.time.Instant;
import java.util.List;

/**
 * The differential ITs' comparator (src/it/jib-*): reads Jib's image and a candidate's (fita's)
 * from a registry and lists every difference, each marked allowed when an
 * {@link AllowedDifference} rule permits it. Called from src/it/ItLib.groovy.
 */
public final class ImageDiff {

    private ImageDiff() {}

    /** Compares two images in the ITs' plain-HTTP, anonymous registry. */
    public static Report compare(String jibReference, String candidateReference) {
        RegistryImages images = RegistryImages.insecure();
        ImageSnapshot jib = images.fetch(jibReference);
        ImageSnapshot candidate = images.fetch(candidateReference);
        return new Report(jibReference, candidateReference,
                new ImageComparator(Instant.now()).compare(jib, candidate), jib.describe());
    }

    /** All differences found, allowed or not, and what Jib's image holds ({@link ImageSnapshot#describe}). */
    public record Report(String jib, String candidate, List<Difference> differences, String jibImage) {

        public Report {
            differences = List.copyOf(differences);
        }

        public List<Difference> unexpected() {
            return differences.stream().filter(d -> !d.allowed()).toList();
        }

        public List<Difference> allowed() {
            return differences.stream().filter(Difference::allowed).toList();
        }

        /** A readable report: the unexpected differences first, then the allowed ones. */
        public String format() {
            StringBuilder s = new StringBuilder("jib:       ").append(jib).append('\n')
                    .append("candidate: ").append(candidate).append('\n');
            List<Difference> unexpected = unexpected();
            s.append(unexpected.size()).append(unexpected.size() == 1 ? " difference" : " differences")
                    .append(unexpected.isEmpty() ? "\n" : ":\n");
            unexpected.forEach(d -> s.append("  ").append(d.format()).append('\n'));
            List<Difference> allowed = allowed();
            if (!allowed.isEmpty()) {
                s.append(allowed.size()).append(" allowed (src/it/README.md, \"Allowed differences\"):\n");
                allowed.forEach(d -> s.append("  ").append(d.format()).append('\n'));
            }
            return s.toString();
        }
    }
}
