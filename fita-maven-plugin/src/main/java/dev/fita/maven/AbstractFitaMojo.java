package dev.fita.maven;

import com.google.cloud.tools.jib.plugins.common.ProjectProperties;
import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.ContainerConfig;
import dev.fita.maven.config.DockerClientConfig;
import dev.fita.maven.config.EmbServeConfig;
import dev.fita.maven.config.ExtraDirectoriesConfig;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.FromConfig;
import dev.fita.maven.config.ModuleSelection;
import dev.fita.maven.config.OutputPathsConfig;
import dev.fita.maven.config.OutputTimestamp;
import dev.fita.maven.config.PlatformConfig;
import dev.fita.maven.config.PluginExtensionConfig;
import dev.fita.maven.config.PomConfiguration;
import dev.fita.maven.config.PropertyOverrides;
import dev.fita.maven.config.SettingsResolver;
import dev.fita.maven.config.ToConfig;
import dev.fita.maven.console.Console;
import dev.fita.maven.console.ConsoleFacts;
import dev.fita.maven.console.ConsoleMode;
import dev.fita.maven.credentials.ServerDecryption;
import dev.fita.maven.goal.RegistryAccess;
import dev.fita.maven.credentials.SettingsProxies;
import dev.fita.maven.credentials.SettingsServers;
import dev.fita.maven.jib.JibDefaults;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * The configuration shared by the goals: jib-maven-plugin's parameters with Jib's names, nesting and
 * meaning, plus fita's own ({@code <platforms>} with variants, {@code <embServe>}, {@code <outputDirectory>}).
 * Every parameter also has a {@code fita.*} property and, where Jib has one, Jib's {@code jib.*} property;
 * the order between them is in docs/configuration.md ("Properties").
 */
abstract class AbstractFitaMojo extends AbstractMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    /**
     * The base image, as in Jib: {@code <image>} (fita.from.image, jib.from.image; default as Jib: jetty for a
     * WAR, else eclipse-temurin:8/11/17/21/25-jre for the project's Java release), {@code <auth>} with
     * {@code <username>}/{@code <password>} (fita.from.auth.*, jib.from.auth.*), {@code <credHelper>} as a
     * name or with {@code <helper>}/{@code <environment>} (fita.from.credHelper, jib.from.credHelper) and
     * {@code <platforms>} (jib.from.platforms; the same list as fita's top-level {@code <platforms>}).
     * See docs/configuration.md.
     */
    @Parameter
    protected FromConfig from;

    /**
     * The target, as in Jib: {@code <image>} (fita.to.image, image, jib.to.image; none by default: build works
     * without it, push needs it), {@code <tags>} (fita.to.tags, jib.to.tags; none), {@code <auth>}
     * (fita.to.auth.*, jib.to.auth.*) and {@code <credHelper>} (fita.to.credHelper, jib.to.credHelper).
     * {@code <to>reference</to>} is short for {@code <to><image>}. See docs/configuration.md.
     */
    @Parameter
    protected ToConfig to;

    /**
     * fita's name for the container platforms, with variants: {@code <platform>linux/arm/v7</platform>} or
     * {@code <os>/<architecture>/<variant>} (fita.platforms; jib.from.platforms). Default linux/amd64 and
     * linux/arm64. Give this or {@code <from><platforms>}, not both. See docs/configuration.md.
     */
    @Parameter
    protected List<PlatformConfig> platforms;

    /**
     * Jib's {@code <container>}, each field with fita.container.* and jib.container.* properties: appRoot
     * (default /app, /var/lib/jetty/webapps/ROOT for a WAR), args, creationTime (default
     * project.build.outputTimestamp when neither time is set, else EPOCH), entrypoint (INHERIT keeps the base
     * image's), environment, expandClasspathDependencies (false), extraClasspath, filesModificationTime
     * (like creationTime, else EPOCH_PLUS_SECOND), format (OCI only), jvmFlags, labels, mainClass (inferred as
     * Jib does), ports, user, volumes, workingDirectory. See docs/configuration.md.
     */
    @Parameter
    protected ContainerConfig container;

    /**
     * Jib's {@code <extraDirectories>}: {@code <paths>} (a path, or {@code <from>}/{@code <into>}/
     * {@code <includes>}/{@code <excludes>}; fita.extraDirectories.paths, jib.extraDirectories.paths; default
     * src/main/jib into /) and {@code <permissions>} with {@code <file>}/{@code <mode>}
     * (fita.extraDirectories.permissions, jib.extraDirectories.permissions). See docs/configuration.md.
     */
    @Parameter
    protected ExtraDirectoriesConfig extraDirectories;

    /**
     * Jib's {@code <outputPaths>}: {@code <digest>}, {@code <imageId>}, {@code <imageJson>} (defaults
     * target/jib-image.digest, .id, .json) and {@code <tar>} (an OCI archive of the layout; none by default),
     * with fita.outputPaths.* and jib.outputPaths.* properties. See docs/configuration.md.
     */
    @Parameter
    protected OutputPathsConfig outputPaths;

    /**
     * Jib's {@code exploded} (default: classes and resources as files) or {@code packaged} (the project's jar)
     * (fita.containerizingMode, jib.containerizingMode). See docs/configuration.md.
     */
    @Parameter
    protected String containerizingMode;

    /**
     * Jib plugin extensions, run as in Jib: {@code <pluginExtension>} with {@code <implementation>},
     * {@code <properties>} and {@code <configuration implementation="...">}; the extension jar is a
     * {@code <dependency>} of this plugin. None by default. See docs/configuration.md.
     */
    @Parameter
    protected List<PluginExtensionConfig> pluginExtensions;

    /** Jib's {@code <dockerClient>}: accepted, ignored with a warning (fita uses no Docker daemon). See docs/migrating-from-jib.md. */
    @Parameter
    protected DockerClientConfig dockerClient;

    /** Jib's {@code <skaffold>}: accepted, ignored with a warning (fita has no Skaffold goals). See docs/migrating-from-jib.md. */
    @Parameter
    protected PlexusConfiguration skaffold;

    /**
     * The embServe entry: {@code <service>} (fita.embServe.service; required when embServe is given),
     * {@code <config>} (fita.embServe.config; generated) and {@code <platform>} (fita.embServe.platform;
     * default zephyr/arm/v7). None by default: a plain multi-platform image. See docs/configuration.md.
     */
    @Parameter
    protected EmbServeConfig embServe;

    /**
     * Allow registries over plain HTTP or with certificates that do not verify (fita.allowInsecureRegistries,
     * jib.allowInsecureRegistries). Default false. See docs/configuration.md.
     */
    @Parameter(property = "fita.allowInsecureRegistries", defaultValue = "false")
    protected boolean allowInsecureRegistries;

    /** Skip the goal (fita.skip, jib.skip). Default false; pom-packaging projects are always skipped. See docs/configuration.md. */
    @Parameter(property = "fita.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Where the OCI image layout ({@code image/}), image.json and image.digest go (fita.outputDirectory).
     * Default ${project.build.directory}/fita. See docs/configuration.md.
     */
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

    /**
     * True (after an info line) when fita.skip or jib.skip is set: the check of goals that also run
     * without a project (append, inspect).
     */
    protected boolean skipRequested() {
        if (properties().flag("fita.skip", skip, "jib.skip")) {
            getLog().info("Skipping fita: fita.skip (or jib.skip) is set");
            return true;
        }
        return false;
    }

    /**
     * The console the goal prints through: a live progress footer in a terminal, plain lines elsewhere;
     * fita.console / jib.console choose (docs/configuration.md, "Console output").
     */
    protected Console console() {
        return Console.open(ConsoleMode.select(ConsoleFacts.of(properties(), session, getLog().isInfoEnabled())),
                getLog());
    }

    /**
     * True (after an info line) when fita.skip or jib.skip is set, when jib.containerize names another
     * module (as in Jib), or when the project has pom packaging.
     */
    protected boolean skipped() {
        if (skipRequested()) {
            return true;
        }
        String module = properties().jib("jib.containerize").orElse(null);
        if (project != null && !ModuleSelection.selects(module, project.getGroupId(), project.getArtifactId(),
                basedir())) {
            getLog().info("Skipping fita: jib.containerize names another module (" + module + ")");
            return true;
        }
        if (project != null && "pom".equals(project.getPackaging())) {
            getLog().info("Skipping fita: the project has pom packaging");
            return true;
        }
        return false;
    }

    /** The settings, with Jib's default base image when the Jib view of the project is at hand. */
    protected FitaSettings settings() throws MojoExecutionException {
        return settings(null);
    }

    protected FitaSettings settings(ProjectProperties jibProjectOrNull) throws MojoExecutionException {
        // Without a project (inspect outside one) the default still holds an unresolved ${project...} expression.
        File output = outputDirectory != null && outputDirectory.getPath().contains("${") ? null : outputDirectory;
        // Only build asks Jib for the project; the other goals need no default base image (push mounts from
        // the base repository only when the base is configured on the target registry).
        String defaultBase = jibProjectOrNull == null ? null
                : JibDefaults.defaultBaseImage(jibProjectOrNull.isWarProject(), jibProjectOrNull.getMajorJavaVersion());
        try {
            PomConfiguration pom = new PomConfiguration(from, to, platforms, container, extraDirectories, outputPaths,
                    containerizingMode, pluginExtensions, dockerClient, skaffold != null, embServe,
                    allowInsecureRegistries, output, basedir(), buildDirectory(), defaultBase,
                    outputTimestamp());
            return new SettingsResolver(properties()).resolve(pom);
        } catch (ConfigurationException e) {
            throw Errors.mojo(getLog(), e.getMessage(), e);
        }
    }

    /** {@code project.build.outputTimestamp}, or null when unset (or when run without a project). */
    protected Instant outputTimestamp() {
        return OutputTimestamp.parse(projectProperty("project.build.outputTimestamp")).orElse(null);
    }

    private String projectProperty(String name) {
        return project == null ? null : project.getProperties().getProperty(name);
    }

    /** The project directory; the current directory when run without a project (inspect). */
    protected Path basedir() {
        File dir = project == null ? null : project.getBasedir();
        return (dir == null ? new File(".") : dir).getAbsoluteFile().toPath().normalize();
    }

    private Path buildDirectory() {
        String dir = project == null || project.getBuild() == null ? null : project.getBuild().getDirectory();
        return dir == null ? null : Path.of(dir);
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

    /** settings.xml {@code <proxies>} as Jib applies them: as the JVM's proxy properties, unless those are set. */
    protected void activateProxies() {
        if (session != null && session.getSettings() != null) {
            SettingsProxies.activate(session.getSettings().getProxies(), settingsDecrypter, System.getProperties());
        }
    }

    /**
     * How this goal reaches registries: settings.xml proxies applied (as Jib does), the offline check and
     * the credential chains; the servers matching {@code registries} are decrypted up front.
     */
    protected RegistryAccess registryAccess(Log log, String... registries) {
        activateProxies();
        return new RegistryAccess(log, session != null && session.isOffline(), settingsServers(registries));
    }
}
