package dev.fita.maven.config;

import java.util.List;

/** {@code <extraDirectories>}: {@code <paths>} copied into the image and file {@code <permissions>}, as in Jib. */
public class ExtraDirectoriesConfig {
    private List<ExtraDirectoryConfig> paths;
    private List<PermissionConfig> permissions;

    public List<ExtraDirectoryConfig> getPaths() {
        return paths;
    }

    public List<PermissionConfig> getPermissions() {
        return permissions;
    }
}
