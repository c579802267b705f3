package dev.fita.oci.registry;

import java.util.List;
import java.util.Optional;

import dev.fita.oci.OciException;

/**
 * Base of the registry client's typed errors. The message is one sentence naming the registry,
 * repository and operation; when a request failed, {@link #response()} holds its method, URL,
 * status and the registry's error codes, for code that decides by them.
 */
public class RegistryException extends OciException {

    private final transient ErrorResponse response;

    public RegistryException(String message) {
        this(message, null, null);
    }

    public RegistryException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public RegistryException(String message, Throwable cause, ErrorResponse response) {
        super(message, cause);
        this.response = response;
    }

    public Optional<ErrorResponse> response() {
        return Optional.ofNullable(response);
    }

    /** The HTTP status of the failed request; 0 when there was none or no answer came. */
    public int status() {
        return response == null ? 0 : response.status();
    }

    public String method() {
        return response == null ? null : response.method();
    }

    public String url() {
        return response == null ? null : response.url();
    }

    /** The registry's error codes, in the order it sent them. */
    public List<ErrorCode> codes() {
        return response == null ? List.of() : response.codes();
    }
}
