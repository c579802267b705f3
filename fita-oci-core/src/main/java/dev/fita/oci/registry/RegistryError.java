package dev.fita.oci.registry;

/** One entry of a registry's {@code {"errors":[{"code","message"}]}} answer. */
public record RegistryError(String code, String message) {

    public RegistryError {
        code = code == null ? "" : code;
        message = message == null ? "" : message;
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
