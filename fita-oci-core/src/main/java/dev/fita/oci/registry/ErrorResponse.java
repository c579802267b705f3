package dev.fita.oci.registry;

import java.util.List;

/**
 * What a registry answered to a request that failed: method, URL (without its query, which may
 * hold upload state), status (0 when no answer came) and the error entries of its body.
 */
public record ErrorResponse(String method, String url, int status, String reason, List<RegistryError> errors) {

    public ErrorResponse {
        reason = reason == null ? "" : reason;
        errors = List.copyOf(errors);
    }

    /** A request that got no answer. */
    static ErrorResponse noAnswer(String method, String url) {
        return new ErrorResponse(method, url, 0, "", List.of());
    }

    public List<ErrorCode> codes() {
        return errors.stream().map(RegistryError::type).toList();
    }

    /** "CODE message" of the first error, or the status line when the body named none. */
    public String describe() {
        if (!errors.isEmpty() && !errors.get(0).toString().isEmpty()) {
            return errors.get(0).toString();
        }
        return status + (reason.isEmpty() ? "" : " " + reason);
    }
}
