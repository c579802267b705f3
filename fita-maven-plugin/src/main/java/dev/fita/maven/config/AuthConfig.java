package dev.fita.maven.config;

/** {@code <auth><username/><password/></auth>} of {@code <from>} or {@code <to>}. */
public class AuthConfig {
    private String username;
    private String password;

    public AuthConfig() {}

    public AuthConfig(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public String getUsername() {
        return username;
    }

    public String getPassword() {
        return password;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "auth(username=" + username + ", password=" + (password == null ? "unset" : "***") + ")";
    }
}
