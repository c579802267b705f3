package dev.fita.oci.registry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.fita.oci.Digest;
import dev.fita.oci.InvalidDigestException;

/**
 * An image reference such as {@code registry.example.com/fita/x:1.0@sha256:...}, parsed by the rules of
 * docker's and containerd's reference grammar: the first path component is a registry when it contains
 * {@code .} or {@code :} or is {@code localhost}; otherwise the registry is {@code docker.io} and a
 * single-component name gets {@code library/}. Without tag and digest the tag is {@code latest}.
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {

    public static final String DOCKER_HUB = DockerHub.NAME;
    public static final String DEFAULT_TAG = "latest";

    private static final Pattern HOST_PART = Pattern.compile("(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])");
    private static final Pattern REGISTRY = Pattern.compile(
            "(?:" + HOST_PART + "(?:\\." + HOST_PART + ")*|\\[[0-9a-fA-F:]+\\])(?::[0-9]{1,5})?");
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final int MAX_NAME = 255;

    public ImageReference {
        if (registry == null || repository == null) {
            throw new InvalidReferenceException("an image reference needs a registry and a repository");
        }
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
    }

    /** Parses {@code [registry/]path[:tag][@digest]}. */
    public static ImageReference parse(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new InvalidReferenceException("the image reference is empty");
        }
        String rest = ref;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String d = rest.substring(at + 1);
            rest = rest.substring(0, at);
            try {
                digest = Digest.parse(d);
            } catch (InvalidDigestException e) {
                throw invalid(ref, "the digest '" + d + "' is not a valid digest (expected sha256:<64 lowercase hex>)");
            }
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase())) {
                if (!REGISTRY.matcher(first).matches()) {
                    throw invalid(ref, "the registry '" + first + "' is not a valid host[:port]");
                }
                // docker's grammar folds the legacy index name into docker.io
                registry = DockerHub.isDockerHub(first) && !first.equals(DockerHub.API_HOST) ? DockerHub.NAME : first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(ref, "the tag '" + tag
                        + "' is not valid (letters, digits, '_', '.', '-', at most 128, not starting with '.' or '-')");
            }
        }
        String repository = rest;
        if (repository.isEmpty()) {
            throw invalid(ref, "the repository name is missing");
        }
        for (String component : repository.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                String why = !component.equals(component.toLowerCase())
                        ? "must be lowercase"
                        : "must be lowercase letters and digits separated by '.', '_', '__' or '-'";
                throw invalid(ref, "the repository path component '" + component + "' " + why);
            }
        }
        if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
            repository = "library/" + repository;
        }
        if (repository.length() > MAX_NAME) {
            throw invalid(ref, "the repository name is longer than " + MAX_NAME + " characters");
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    private static InvalidReferenceException invalid(String ref, String why) {
        return new InvalidReferenceException("'" + ref + "' is not a valid image reference: " + why + ".");
    }

    public ImageReference withTag(String newTag) {
        if (newTag == null || !TAG.matcher(newTag).matches()) {
            throw new InvalidReferenceException("'" + newTag + "' is not a valid tag for " + registry + "/" + repository
                    + " (letters, digits, '_', '.', '-', at most 128, not starting with '.' or '-').");
        }
        return new ImageReference(registry, repository, newTag, null);
    }

    /**
     * This reference's tag (if any) and then each of {@code extra}, each once and each checked: the
     * tags a push moves. A bad tag fails here, before anything is sent.
     */
    public List<String> tagsWith(List<String> extra) {
        Set<String> tags = new LinkedHashSet<>();
        if (tag != null) {
            tags.add(tag);
        }
        for (String t : extra) {
            tags.add(withTag(t).tag());
        }
        return List.copyOf(tags);
    }

    public ImageReference withDigest(Digest newDigest) {
        return new ImageReference(registry, repository, null, newDigest);
    }

    /** What goes into {@code /v2/<name>/manifests/<reference>}: the digest if set, else the tag. */
    public String referenceOrTag() {
        return digest != null ? digest.toString() : tag != null ? tag : DEFAULT_TAG;
    }

    /** {@code registry/repository} without tag or digest. */
    public String name() {
        return registry + "/" + repository;
    }

    @Override
    public String toString() {
        return name() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
