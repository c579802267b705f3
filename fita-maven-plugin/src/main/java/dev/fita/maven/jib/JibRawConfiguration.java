package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.plugins.common.AuthProperty;
import com.google.cloud.tools.jib.plugins.common.RawConfiguration;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.PropertyOverrides;
import dev.fita.oci.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * fita's resolved settings as Jib's {@link RawConfiguration}: the linux platforms (as os/architecture:
 * jib-core has no variant), {@link ImageFormat#OCI}, an internal target name and tar path (jib-core's tar
 * step does not run: fita writes the images into its layout), no extra tags and none of Jib's output
 * files (fita writes them once for the whole index). Everything else is what the user configured, so
 * Jib's configuration processor gives each platform exactly Jib's image.
 */
public final class JibRawConfiguration implements RawConfiguration {
    private static final Set<String> AUTH_PROPERTIES = Set.of("jib.from.auth.username", "jib.from.auth.password",
            "jib.to.auth.username", "jib.to.auth.password");

    private final FitaSettings settings;
    private final PropertyOverrides properties;
    /** The target name Jib's configuration processor needs; never seen outside the build. */
    static final String INTERNAL_NAME = "fita-build/linux:latest";

    private final List<Platform> platforms;
    private final Path tarFile;

    public JibRawConfiguration(FitaSettings settings, PropertyOverrides properties, List<Platform> platforms,
            Path tarFile) {
        this.settings = settings;
        this.properties = properties;
        this.platforms = List.copyOf(platforms);
        this.tarFile = tarFile;
    }

    @Override
    public Optional<String> getFromImage() {
        return settings.from().configured() ? Optional.of(settings.from().image()) : Optional.empty();
    }

    @Override
    public Optional<String> getToImage() {
        return Optional.of(INTERNAL_NAME);
    }

    @Override
    public AuthProperty getFromAuth() {
        return new RawParts.JibAuth(settings.from().auth(), "from");
    }

    @Override
    public AuthProperty getToAuth() {
        return new RawParts.JibAuth(settings.to().auth(), "to");
    }

    @Override
    public CredHelperConfiguration getFromCredHelper() {
        return new RawParts.JibCredHelper(settings.from().credHelper());
    }

    @Override
    public CredHelperConfiguration getToCredHelper() {
        return new RawParts.JibCredHelper(settings.to().credHelper());
    }

    @Override
    public List<? extends PlatformConfiguration> getPlatforms() {
        // jib-core has no variant: linux/arm/v7 is architecture arm; the index entry gets the variant back.
        // Platforms that differ only in their variant are one jib-core platform (jib-core keeps a set).
        return platforms.stream().map(p -> new Platform(p.os(), p.architecture())).distinct()
                .map(RawParts.JibPlatform::new).toList();
    }

    @Override
    public Set<String> getToTags() {
        return Set.of();
    }

    @Override
    public Optional<List<String>> getEntrypoint() {
        return Optional.ofNullable(settings.container().entrypoint());
    }

    @Override
    public List<String> getExtraClasspath() {
        return settings.container().extraClasspath();
    }

    @Override
    public boolean getExpandClasspathDependencies() {
        return settings.container().expandClasspathDependencies();
    }

    @Override
    public Optional<List<String>> getProgramArguments() {
        return Optional.ofNullable(settings.container().args());
    }

    @Override
    public Optional<String> getMainClass() {
        return Optional.ofNullable(settings.container().mainClass());
    }

    @Override
    public List<String> getJvmFlags() {
        return settings.container().jvmFlags();
    }

    @Override
    public String getAppRoot() {
        return settings.container().appRoot();
    }

    @Override
    public Map<String, String> getEnvironment() {
        return settings.container().environment();
    }

    @Override
    public Map<String, String> getLabels() {
        return settings.container().labels();
    }

    @Override
    public List<String> getVolumes() {
        return settings.container().volumes();
    }

    @Override
    public List<String> getPorts() {
        return settings.container().ports();
    }

    @Override
    public Optional<String> getUser() {
        return Optional.ofNullable(settings.container().user());
    }

    @Override
    public Optional<String> getWorkingDirectory() {
        return Optional.ofNullable(settings.container().workingDirectory());
    }

    @Override
    public boolean getAllowInsecureRegistries() {
        return settings.allowInsecureRegistries();
    }

    @Override
    public ImageFormat getImageFormat() {
        return ImageFormat.OCI;
    }

    /** Jib asks for the auth properties (fita resolved them into the auth already) and jib.alwaysCacheBaseImage. */
    @Override
    public Optional<String> getProperty(String propertyName) {
        if (AUTH_PROPERTIES.contains(propertyName)) {
            return Optional.empty();
        }
        String fitaName = propertyName.startsWith("jib.") ? "fita." + propertyName.substring(4) : propertyName;
        return properties.overriding(fitaName, propertyName);
    }

    @Override
    public String getFilesModificationTime() {
        return settings.container().filesModificationTime();
    }

    @Override
    public String getCreationTime() {
        return settings.container().creationTime();
    }

    @Override
    public List<? extends ExtraDirectoriesConfiguration> getExtraDirectories() {
        return settings.layers().extraDirectories().stream().map(RawParts.JibExtraDirectory::new).toList();
    }

    @Override
    public Map<String, FilePermissions> getExtraDirectoryPermissions() {
        return settings.layers().permissions();
    }

    @Override
    public Optional<Path> getDockerExecutable() {
        return Optional.empty();
    }

    @Override
    public Map<String, String> getDockerEnvironment() {
        return Map.of();
    }

    @Override
    public String getContainerizingMode() {
        return settings.layers().containerizingMode();
    }

    @Override
    public Path getTarOutputPath() {
        return tarFile;
    }

    /** fita writes Jib's digest, id and JSON files once, for the whole index; per platform none. */
    @Override
    public Path getDigestOutputPath() {
        return null;
    }

    @Override
    public Path getImageIdOutputPath() {
        return null;
    }

    @Override
    public Path getImageJsonOutputPath() {
        return null;
    }

    @Override
    public List<? extends ExtensionConfiguration> getPluginExtensions() {
        return settings.layers().pluginExtensions();
    }
}
