package dev.fita.maven.config;

import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code <extraDirectories>}, {@code <containerizingMode>}, {@code <pluginExtensions>} and
 * {@code <outputPaths>} with their {@code fita.*} / {@code jib.*} properties, with Jib's defaults:
 * {@code src/main/jib} copied to {@code /}, exploded mode, and {@code jib-image.*} files in the build directory.
 */
final class LayerResolver {
    private final PropertyOverrides properties;
    private final Path basedir;

    LayerResolver(PropertyOverrides properties, Path basedir) {
        this.properties = properties;
        this.basedir = basedir;
    }

    LayerSettings layers(ExtraDirectoriesConfig extra, String containerizingMode, List<PluginExtensionConfig> extensions) {
        for (PluginExtensionConfig extension : extensions == null ? List.<PluginExtensionConfig>of() : extensions) {
            if (extension == null || SettingsResolver.blankToNull(extension.getExtensionClass()) == null) {
                throw new ConfigurationException("<pluginExtensions><pluginExtension> has no <implementation>; give "
                        + "the extension's class name, e.g. com.google.cloud.tools.jib.maven.extension.layerfilter"
                        + ".JibLayerFilterExtension");
            }
        }
        return new LayerSettings(extraDirectories(extra), permissions(extra),
                SettingsResolver.blankToNull(properties.string("fita.containerizingMode", containerizingMode,
                        "jib.containerizingMode")),
                extensions);
    }

    private List<ExtraDirectory> extraDirectories(ExtraDirectoriesConfig extra) {
        List<String> fromProperty = properties.list("fita.extraDirectories.paths", null, "jib.extraDirectories.paths");
        List<ExtraDirectory> directories = new ArrayList<>();
        if (fromProperty != null) {
            for (String path : fromProperty) {
                directories.add(new ExtraDirectory(SettingsResolver.absolute(basedir, path), "/", null, null));
            }
            return directories;
        }
        List<ExtraDirectoryConfig> paths = extra == null || extra.getPaths() == null ? List.of() : extra.getPaths();
        for (ExtraDirectoryConfig path : paths) {
            File from = path == null ? null : path.getFrom();
            if (from == null || from.getPath().isEmpty()) {
                throw new ConfigurationException("<extraDirectories><paths> has a <path> without <from>; give the "
                        + "directory to copy, e.g. <path>src/main/extra</path> or <path><from>…</from><into>/opt</into></path>");
            }
            String into = SettingsResolver.blankToNull(path.getInto());
            directories.add(new ExtraDirectory(SettingsResolver.absolute(basedir, from.getPath()),
                    into == null ? "/" : into, path.getIncludes(), path.getExcludes()));
        }
        if (directories.isEmpty()) {
            directories.add(new ExtraDirectory(basedir.resolve("src/main/jib"), "/", null, null));
        }
        return directories;
    }

    private Map<String, FilePermissions> permissions(ExtraDirectoriesConfig extra) {
        Map<String, String> pom = null;
        if (extra != null && extra.getPermissions() != null) {
            pom = new LinkedHashMap<>();
            for (PermissionConfig permission : extra.getPermissions()) {
                if (permission == null || permission.getFile() == null || permission.getMode() == null) {
                    throw new ConfigurationException("<extraDirectories><permissions> has a <permission> without "
                            + "<file> or <mode>; give both, e.g. <file>/app/run.sh</file><mode>755</mode>");
                }
                pom.put(permission.getFile(), permission.getMode());
            }
        }
        Map<String, String> modes = properties.map("fita.extraDirectories.permissions", pom,
                "jib.extraDirectories.permissions");
        Map<String, FilePermissions> permissions = new LinkedHashMap<>();
        if (modes != null) {
            modes.forEach((file, mode) -> {
                try {
                    permissions.put(file, FilePermissions.fromOctalString(mode.trim()));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("<extraDirectories><permissions>: mode '" + mode + "' of " + file
                            + " is not a three-digit octal file mode such as 644 or 755", e);
                }
            });
        }
        return permissions;
    }

    OutputPaths outputPaths(OutputPathsConfig pom, Path buildDirectory) {
        return new OutputPaths(
                path("tar", pom == null ? null : pom.getTar(), null),
                path("digest", pom == null ? null : pom.getDigest(), buildDirectory.resolve("jib-image.digest")),
                path("imageId", pom == null ? null : pom.getImageId(), buildDirectory.resolve("jib-image.id")),
                path("imageJson", pom == null ? null : pom.getImageJson(), buildDirectory.resolve("jib-image.json")));
    }

    private Path path(String field, File pomValue, Path defaultPath) {
        String value = SettingsResolver.blankToNull(properties.string("fita.outputPaths." + field,
                pomValue == null ? null : pomValue.getPath(), "jib.outputPaths." + field));
        return value == null ? defaultPath : SettingsResolver.absolute(basedir, value);
    }
}
