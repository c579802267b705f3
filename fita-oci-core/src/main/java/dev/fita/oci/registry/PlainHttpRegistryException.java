package dev.fita.oci.registry;

/**
 * The registry speaks plain HTTP where HTTPS was expected (an HTTP answer on its port, where a TLS
 * handshake should be), and insecure registries are not allowed: nothing was sent to it.
 */
public class PlainHttpRegistryException extends RegistryUnreachableException {

    private final String registry;

    public PlainHttpRegistryException(String registry, Throwable cause) {
        super(registry + " speaks plain HTTP, not HTTPS; allow insecure registries to use it.", cause);
        this.registry = registry;
    }

    /** The registry host (with port) that answered in plain HTTP. */
    public String registry() {
        return registry;
    }
}
