package dev.fita.maven.config;

import java.util.List;
import java.util.Map;

/**
 * {@code <container>}: the same names and meaning as jib-maven-plugin's. Everything is kept as given
 * (null when absent) so a property or fita's default can be told apart from a pom value.
 */
public class ContainerConfig {
    private String appRoot;
    private List<String> args;
    private String creationTime;
    private List<String> entrypoint;
    private Map<String, String> environment;
    private Boolean expandClasspathDependencies;
    private List<String> extraClasspath;
    private String filesModificationTime;
    private String format;
    private List<String> jvmFlags;
    private Map<String, String> labels;
    private String mainClass;
    private List<String> ports;
    private String user;
    private List<String> volumes;
    private String workingDirectory;

    public String getAppRoot() {
        return appRoot;
    }

    public List<String> getArgs() {
        return args;
    }

    public String getCreationTime() {
        return creationTime;
    }

    public List<String> getEntrypoint() {
        return entrypoint;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }

    public Boolean getExpandClasspathDependencies() {
        return expandClasspathDependencies;
    }

    public List<String> getExtraClasspath() {
        return extraClasspath;
    }

    public String getFilesModificationTime() {
        return filesModificationTime;
    }

    public String getFormat() {
        return format;
    }

    public List<String> getJvmFlags() {
        return jvmFlags;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public String getMainClass() {
        return mainClass;
    }

    public List<String> getPorts() {
        return ports;
    }

    public String getUser() {
        return user;
    }

    public List<String> getVolumes() {
        return volumes;
    }

    public String getWorkingDirectory() {
        return workingDirectory;
    }
}
