package dev.fita.maven.config;

import java.io.File;
import java.util.List;

/**
 * One {@code <path>} of {@code <extraDirectories><paths>}: the string form {@code <path>src/main/extra</path>}
 * (copied to {@code /}) or {@code <from>}, {@code <into>}, {@code <includes>}, {@code <excludes>}.
 * Maven resolves a relative {@code from} against the project directory.
 */
public class ExtraDirectoryConfig {
    private File from;
    private String into;
    private List<String> includes;
    private List<String> excludes;

    public ExtraDirectoryConfig() {}

    public ExtraDirectoryConfig(File from, String into) {
        this.from = from;
        this.into = into;
    }

    /** The string form. */
    public void set(File path) {
        this.from = path;
    }

    public File getFrom() {
        return from;
    }

    public String getInto() {
        return into;
    }

    public List<String> getIncludes() {
        return includes;
    }

    public List<String> getExcludes() {
        return excludes;
    }
}
