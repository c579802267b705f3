package dev.fita.maven.config;

/**
 * One {@code <platform>}: either {@code <os/><architecture/><variant/>} children or the string
 * shorthand {@code linux/arm64}. Maven's configurator calls {@link #set(String)} for the shorthand.
 */
public class PlatformConfig {
    private String os;
    private String architecture;
    private String variant;
    private String shorthand;

    public PlatformConfig() {}

    public PlatformConfig(String os, String architecture, String variant) {
        this.os = os;
        this.architecture = architecture;
        this.variant = variant;
    }

    /** The shorthand form; parsed (and validated) later so the error can name the element. */
    public void set(String value) {
        this.shorthand = value;
    }

    public String getOs() {
        return os;
    }

    public String getArchitecture() {
        return architecture;
    }

    public String getVariant() {
        return variant;
    }

    public String getShorthand() {
        return shorthand;
    }

    @Override
    public String toString() {
        if (shorthand != null) {
            return shorthand;
        }
        return os + "/" + architecture + (variant == null || variant.isBlank() ? "" : "/" + variant);
    }
}
