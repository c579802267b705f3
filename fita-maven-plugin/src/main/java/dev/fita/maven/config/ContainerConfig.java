package dev.fita.maven.config;

import java.util.List;
import java.util.Map;

/** {@code <container>}: the same names and meaning as jib-maven-plugin's {@code <container>}. */
public class ContainerConfig {
    private String mainClass;
    private List<String> jvmFlags;
    private List<String> args;
    private List<String> ports;
    private Map<String, String> environment;
    private Map<String, String> labels;
    private String user;
    private String workingDirectory;
    private String appRoot;
    private List<String> entrypoint;

    public String getMainClass() {
        return mainClass;
    }

    public List<String> getJvmFlags() {
        return jvmFlags;
    }

    public List<String> getArgs() {
        return args;
    }

    public List<String> getPorts() {
        return ports;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public String getUser() {
        return user;
    }

    public String getWorkingDirectory() {
        return workingDirectory;
    }

    public String getAppRoot() {
        return appRoot;
    }

    public List<String> getEntrypoint() {
        return entrypoint;
    }
}
