package dev.fita.maven.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.config.AuthConfig;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.credentials.PushCredentials;
import dev.fita.maven.credentials.RegistryCredentials;
import dev.fita.maven.credentials.SettingsServers;
import dev.fita.maven.jib.BaseImageException;
import dev.fita.maven.jib.JibLog;
import dev.fita.maven.push.ImagePushService;
import dev.fita.maven.testing.Beans;
import dev.fita.maven.testing.JibBuilds;
import dev.fita.maven.testing.Poms;
import dev.fita.maven.testing.RecordingLog;
import dev.fita.maven.testing.TestProjects;
import dev.fita.oci.Descriptor;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.CredentialProvider;
import dev.fita.oci.registry.Credentials;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.registry.RegistryException;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials through Jib's chain against a TLS registry with htpasswd (self-signed, trusted through
 * allowInsecureRegistries): Jib pulls the base with {@code <from><auth>} or a settings.xml server, the
 * core client pushes with the same chain for {@code <to>}, and no log line holds the password.
 */
class AuthenticatedBaseImageTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret-pa55";

    private static TestRegistry registry;

    @BeforeAll
    static void start(@TempDir Path shared) {
        registry = TestRegistry.builder().tls(true).htpasswd(USER, PASSWORD).start();
        RegistryClient client = RegistryClient.builder().allowInsecure(true)
                .credentials(CredentialProvider.of(registry.host(), new Credentials(USER, PASSWORD))).build();
        OciLayout base = OciLayout.create(shared.resolve("base"));
        Descriptor index = TestImages.writeLinuxIndex(base, TestImages.LINUX_AMD64);
        new GraphCopy().copy(base, index, client.target(ImageReference.parse(registry.host() + "/base:1")), List.of("1"), null);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static FitaSettings settings(Path dir, MavenProject project, String password) {
        Poms pom = new Poms(dir);
        pom.from = Poms.from(registry.host() + "/base:1");
        if (password != null) {
            Beans.set(pom.from, "auth", new AuthConfig(USER, password));
        }
        pom.to = Poms.to(registry.host() + "/fita/app:1", null);
        Beans.set(pom.to, "auth", new AuthConfig(USER, PASSWORD));
        pom.container = Poms.container("mainClass", "org.example.Main");
        pom.allowInsecureRegistries = true;
        return JibBuilds.settings(pom, props("fita.platforms", "linux/amd64"), project);
    }

    private static java.util.Properties props(String key, String value) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty(key, value);
        return p;
    }

    private static BuildResult build(Path dir, String password, SettingsServers servers, RecordingLog log)
            throws Exception {
        MavenProject project = TestProjects.project(dir, "jar");
        return JibBuilds.build(settings(dir, project, password), project,
                TestProjects.session(project, false, props("fita.platforms", "linux/amd64")), servers, log);
    }

    @Test
    void pullsAndPushesWithTheConfiguredAuth(@TempDir Path project) throws Exception {
        RecordingLog log = new RecordingLog(true);
        BuildResult built = build(project, PASSWORD, SettingsServers.none(), log);
        assertEquals(1, built.record().platforms().size());

        FitaSettings settings = settings(project, TestProjects.project(project, "jar"), PASSWORD);
        RegistryClient client = RegistryClient.builder().allowInsecure(true).credentials(new PushCredentials(
                new RegistryCredentials(settings.to().auth(), "<to><auth>", settings.to().credHelper(),
                        SettingsServers.none(), new JibLog(log, "")))).build();
        CopyResult pushed = new ImagePushService(client, log).push(settings,
                ImagePushService.builtImage(settings, project), ImagePushService.target(settings));
        assertEquals(built.record().digest(), pushed.root().digest().toString());
        assertFalse(log.all().contains(PASSWORD), "no log line, not even at debug, holds the password");
        assertTrue(log.all().contains("Using credentials from <from><auth> for " + registry.host()), log.all());
        assertTrue(log.all().contains("Using credentials from <to><auth> for " + registry.host()), log.all());
    }

    @Test
    void pullsWithASettingsServerWhenNoAuthIsConfigured(@TempDir Path project) throws Exception {
        Server server = new Server();
        server.setId(registry.host());
        server.setUsername(USER);
        server.setPassword(PASSWORD);
        RecordingLog log = new RecordingLog(true);
        build(project, null, new SettingsServers(List.of(server), UnaryOperator.identity()), log);
        assertTrue(log.all().contains("settings.xml <server> '" + registry.host() + "'"), log.all());
        assertFalse(log.all().contains(PASSWORD));
    }

    @Test
    void wrongPasswordFailsNamingTheBaseImage(@TempDir Path project) {
        BaseImageException e = assertThrows(BaseImageException.class,
                () -> build(project, "wrong", SettingsServers.none(), new RecordingLog(true)));
        assertTrue(e.getMessage().startsWith("Base image " + registry.host() + "/base:1: the registry refused our credentials"),
                e.getMessage());
        assertFalse(e.getMessage().contains("wrong"));
    }

    @Test
    void pushWithoutCredentialsFailsWithARegistryError(@TempDir Path project) throws Exception {
        build(project, PASSWORD, SettingsServers.none(), new RecordingLog(false));
        FitaSettings settings = settings(project, TestProjects.project(project, "jar"), PASSWORD);
        RegistryClient anonymous = RegistryClient.builder().allowInsecure(true).build();
        RegistryException e = assertThrows(RegistryException.class, () -> new ImagePushService(anonymous,
                new RecordingLog(false)).push(settings, ImagePushService.builtImage(settings, project),
                ImagePushService.target(settings)));
        assertTrue(e.getMessage().contains(registry.host()), e.getMessage());
    }
}
