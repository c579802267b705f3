package dev.fita.maven.config;

/** One {@code <permission>}: a {@code <file>} path or glob in the image and its octal {@code <mode>}, e.g. 755. */
public class PermissionConfig {
    private String file;
    private String mode;

    public PermissionConfig() {}

    public PermissionConfig(String file, String mode) {
        this.file = file;
        this.mode = mode;
    }

    public String getFile() {
        return file;
    }

    public String getMode() {
        return mode;
    }
}
