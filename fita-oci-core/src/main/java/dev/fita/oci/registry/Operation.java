package dev.fita.oci.registry;

/**
 * What a request is for, in the words of messages: "registry.example.com ... fita/x (pushing blob
 * sha256:…)". {@code access} is {@code pull} or {@code push}, the scope the request needs.
 */
record Operation(String registry, String repository, String action, String access) {

    static Operation pull(String registry, String repository, String action) {
        return new Operation(registry, repository, action, "pull");
    }

    static Operation push(String registry, String repository, String action) {
        return new Operation(registry, repository, action, "push");
    }

    String where() {
        return registry + " for " + repository + " (" + action + ")";
    }

    /** The token scope of this operation's repository: pull, or pull and push. */
    String scope() {
        return scope(repository, access.equals("push") ? "pull,push" : "pull");
    }

    static String scope(String repository, String actions) {
        return "repository:" + repository + ":" + actions;
    }
}
