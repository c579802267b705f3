package dev.fita.maven;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.ContainerConfig;
import dev.fita.maven.config.EmbServeConfig;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.FromConfig;
import dev.fita.maven.config.PlatformConfig;
import dev.fita.maven.config.PomConfiguration;
import dev.fita.maven.config.PropertyOverrides;
import dev.fita.maven.config.SettingsResolver;
import dev.fita.maven.config.ToConfig;
import dev.fita.maven.credentials.ServerDecryption;
import dev.fita.maven.credentials.SettingsServers;
import java.io.File;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** The configuration shared by the goals, named as in jib-maven-plugin. */
abstract class AbstractFitaMojo extends AbstractMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The base image: {@code <image>} (property {@code fita.from.image}), {@code <auth>}, {@code <credHelper>}. */
    @Parameter
    protected FromConfig from;

    /** The target: {@code <image>} ({@code fita.to.image}), {@code <tags>} ({@code fita.to.tags}), {@code <auth>}, {@code <credHelper>}. */
    @Parameter
    protected ToConfig to;

    /** Container platforms, {@code <platform>linux/arm64</platform>} or with {@code <os>/<architecture>/<variant>} ({@code fita.platforms}). */
    @Parameter
    protected List<PlatformConfig> platforms;

    /** Jib's {@code <container>}: mainClass, jvmFlags, args, ports, environment, labels, user, workingDirectory, appRoot, entrypoint. */
    @Parameter
    protected ContainerConfig container;

    /** The embServe entry: {@code <service>} ({@code fita.embServe.service}), {@code <config>}, {@code <platform>} (default zephyr/arm/v7). */
    @Parameter
    protected EmbServeConfig embServe;

    /** Allow registries over plain HTTP or with certificates that do not verify. */
    @Parameter(property = "fita.allowInsecureRegistries", defaultValue = "false")
    protected boolean allowInsecureRegistries;

    /** Skip the goal. */
    @Parameter(property = "fita.skip", defaultValue = "false")
    protected boolean skip;

    /** Where the OCI image layout, image.json and image.digest go. */
    @Parameter(property = "fita.outputDirectory", defaultValue = "${project.build.directory}/fita")
    protected File outputDirectory;

    private final SettingsDecrypter settingsDecrypter;

    protected AbstractFitaMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    protected PropertyOverrides properties() {
        return new PropertyOverrides(session == null ? null : session.getUserProperties(),
                session == null ? null : session.getSystemProperties(),
                project == null ? null : project.getProperties());
    }

    /** True (after an info line) when {@code fita.skip} is set: the check of goals that also run without a project. */
    protected boolean skipRequested() {
        if (properties().flag("fita.skip", skip)) {
            getLog().info("Skipping fita: fita.skip is set");
            return true;
        }
        return false;
    }

    /** True (after an info line) when {@code fita.skip} is set or the project has {@code pom} packaging. */
    protected boolean skipped() {
        if (skipRequested()) {
            return true;
        }
        if (project != null && "pom".equals(project.getPackaging())) {
            getLog().info("Skipping fita: the project has pom packaging");
            return true;
        }
        return false;
    }

    protected FitaSettings settings() throws MojoExecutionException {
        String release = project == null ? null : project.getProperties().getProperty("maven.compiler.release");
        // Without a project (inspect outside one) the default still holds an unresolved ${project...} expression.
        File output = outputDirectory != null && outputDirectory.getPath().contains("${") ? null : outputDirectory;
        PomConfiguration pom = new PomConfiguration(from, to, platforms, container, embServe, allowInsecureRegistries,
                output, basedir(),
                SettingsResolver.defaultBaseImage(release));
        try {
            return new SettingsResolver(properties()).resolve(pom);
        } catch (ConfigurationException e) {
            throw Errors.mojo(getLog(), e.getMessage(), e);
        }
    }

    /** The project directory; the current directory when run without a project (inspect). */
    protected java.nio.file.Path basedir() {
        File dir = project == null ? null : project.getBasedir();
        return (dir == null ? new File(".") : dir).getAbsoluteFile().toPath().normalize();
    }

    /** settings.xml servers, decrypted with Maven's SettingsDecrypter when their credentials are used. */
    protected SettingsServers settingsServers() {
        if (session == null || session.getSettings() == null) {
            return SettingsServers.none();
        }
        UnaryOperator<Server> decrypt = settingsDecrypter == null
                ? UnaryOperator.identity() : new ServerDecryption(settingsDecrypter, getLog());
        return new SettingsServers(session.getSettings().getServers(), decrypt);
    }

    /**
     * settings.xml servers, with the ones matching {@code registries} decrypted now, so that a
     * password that cannot be decrypted fails the goal up front with its own sentence.
     */
    protected SettingsServers settingsServers(String... registries) {
        SettingsServers servers = settingsServers();
        for (String registry : registries) {
            servers.forRegistry(registry);
        }
        return servers;
    }
}
