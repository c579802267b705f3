package dev.fita.maven.config;

/** A resolved username and password from {@code <auth>} or its properties. */
public record Auth(String username, String password) {
    /** Never prints the password. */
    @Override
    public String toString() {
        return "Auth[username=" + username + ", password=***]";
    }
}
