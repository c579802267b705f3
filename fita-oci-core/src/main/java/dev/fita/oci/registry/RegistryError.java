package dev.fita.oci.registry;

/**
 * One entry of a registry's {@code {"errors":[{"code","message","detail"}]}} answer; {@code detail}
 * is the entry's detail as text (registries put the real reason there: Quay names the media type
 * it refuses), empty when absent.
 */
public record RegistryError(String code, String message, String detail) {

    public RegistryError {
        code = code == null ? "" : code;
        message = message == null ? "" : message;
        detail = detail == null ? "" : detail;
    }

    public RegistryError(String code, String message) {
        this(code, message, "");
    }

    public ErrorCode type() {
        return ErrorCode.of(code);
    }

    /** "CODE message", as registries write them. */
    @Override
    public String toString() {
        return (code + " " + message).trim();
    }
}
