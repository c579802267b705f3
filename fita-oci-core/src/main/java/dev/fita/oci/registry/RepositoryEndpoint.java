package dev.fita.oci.registry;

import java.io.IOException;

/**
 * Where one repository's endpoints send their requests, and with which access: the reads of a push
 * target ask for push scope too, so one token serves the whole push and errors say "push".
 */
record RepositoryEndpoint(Transport transport, String registry, String repository, boolean forPush) {

    Operation reading(String action) {
        return forPush ? Operation.push(registry, repository, action) : Operation.pull(registry, repository, action);
    }

    Operation writing(String action) {
        return Operation.push(registry, repository, action);
    }

    /** {@code scheme://host/v2/<repository><path>}, the scheme found on first use. */
    String url(Operation op, String path) throws IOException, RetryableStatus {
        return transport.origin(op) + "/v2/" + repository + path;
    }
}
