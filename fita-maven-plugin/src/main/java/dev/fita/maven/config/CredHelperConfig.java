package dev.fita.maven.config;

import java.util.Map;

/**
 * {@code <credHelper>} of {@code <from>} or {@code <to>}, as in Jib: either the string form
 * ({@code <credHelper>ecr-login</credHelper>}, which Maven hands to {@link #set(String)}) or the object
 * form with {@code <helper>} and the {@code <environment>} the helper program runs with.
 */
public class CredHelperConfig {
    private String helper;
    private Map<String, String> environment;

    public CredHelperConfig() {}

    public CredHelperConfig(String helper, Map<String, String> environment) {
        this.helper = helper;
        this.environment = environment;
    }

    /** The string form. */
    public void set(String helper) {
        this.helper = helper;
    }

    public String getHelper() {
        return helper;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }
}
