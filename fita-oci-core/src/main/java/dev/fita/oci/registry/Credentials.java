package dev.fita.oci.registry;

/** A username and password (or token) for one registry. {@link #toString()} never shows the password. */
public record Credentials(String username, String password) {

    public Credentials {
        if (username == null || password == null) {
            throw new IllegalArgumentException("credentials need both a username and a password");
        }
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=****]";
    }
}
