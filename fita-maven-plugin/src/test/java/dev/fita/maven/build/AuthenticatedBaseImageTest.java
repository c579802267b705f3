package dev.fita.maven.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.config.Auth;
import dev.fita.maven.config.BaseImageSettings;
import dev.fita.maven.config.ContainerSettings;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.TargetSettings;
import dev.fita.maven.credentials.PushCredentials;
import dev.fita.maven.credentials.RegistryCredentials;
import dev.fita.maven.credentials.SettingsServers;
import dev.fita.maven.jib.AppLayers;
import dev.fita.maven.jib.BaseImageException;
import dev.fita.maven.jib.ContainerImageBuilder;
import dev.fita.maven.jib.JibLog;
import dev.fita.maven.push.ImagePushService;
import dev.fita.maven.testing.RecordingLog;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Platform;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials through the plugin's chain against a TLS registry with htpasswd (self-signed, trusted
 * through allowInsecureRegistries): jib-core pulls the base with them and the core client pushes with them.
 */
class AuthenticatedBaseImageTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret-pa55";

    private static TestRegistry registry;
    private static ExecutorService executor;

    @TempDir
    static Path shared;

    @BeforeAll
    static void start() {
        registry = TestRegistry.builder().tls(true).htpasswd(USER, PASSWORD).start();
        RegistryClient client = RegistryClient.builder().allowInsecure(true)
                .credentials(CredentialProvider.of(registry.host(), new Credentials(USER, PASSWORD))).build();
        OciLayout base = OciLayout.create(shared.resolve("base"));
        Descriptor index = TestImages.writeLinuxIndex(base, TestImages.LINUX_AMD64);
        new GraphCopy().copy(base, index, client.target(ImageReference.parse(registry.host() + "/base:1")), List.of("1"), null);
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
        registry.close();
    }

    private FitaSettings settings(Path project, Auth auth) {
        return new FitaSettings(new BaseImageSettings(registry.host() + "/base:1", auth, null),
                new TargetSettings(registry.host() + "/fita/app:1", List.of("1"), auth, null),
                List.of(Platform.parse("linux/amd64")),
                new ContainerSettings("org.example.Main", null, null, null, null, null, null, null, null, null),
                null, true, project.resolve("target/fita"));
    }

    private BuildResult build(FitaSettings settings, Path project, RecordingLog log) throws Exception {
        RegistryCredentials chain = new RegistryCredentials(settings.from().auth(), "<from><auth>", null,
                SettingsServers.none(), Map.of(), new JibLog(log, ""));
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        ContainerImageBuilder builder = new ContainerImageBuilder(
                new ContainerImageBuilder.BaseImage(settings.from().image(), chain::retrievers),
                settings.container(), new AppLayers(List.of(), List.of(), classes), Instant.EPOCH, Instant.EPOCH,
                new ContainerImageBuilder.JibOptions(true, false, shared.resolve("jib-base-cache"),
                        project.resolve("target/jib-cache"), executor, log, null));
        return new ImageBuildService(builder, log).build(settings, "org.example.Main", null);
    }

    @Test
    void pullsAndPushesWithTheConfiguredAuth(@TempDir Path project) throws Exception {
        RecordingLog log = new RecordingLog(true);
        FitaSettings settings = settings(project, new Auth(USER, PASSWORD));
        BuildResult built = build(settings, project, log);
        assertEquals(1, built.record().platforms().size());

        RegistryClient client = RegistryClient.builder().allowInsecure(true).credentials(new PushCredentials(
                new RegistryCredentials(settings.to().auth(), "<to><auth>", null, SettingsServers.none(), Map.of(),
                        new JibLog(log, "")))).build();
        CopyResult pushed = new ImagePushService(client, log).push(settings,
                ImagePushService.builtImage(settings, project), ImagePushService.target(settings));
        assertEquals(built.record().digest(), pushed.root().digest().toString());
        assertFalse(log.all().contains(PASSWORD), "no log line, not even at debug, holds the password");
        assertTrue(log.all().contains("Using credentials from <from><auth>"), log.all());
    }

    @Test
    void wrongPasswordFailsNamingTheBaseImage(@TempDir Path project) {
        RecordingLog log = new RecordingLog(true);
        BaseImageException e = assertThrows(BaseImageException.class,
                () -> build(settings(project, new Auth(USER, "wrong")), project, log));
        assertTrue(e.getMessage().startsWith("Base image " + registry.host() + "/base:1: the registry refused our credentials"),
                e.getMessage());
        assertFalse(e.getMessage().contains("wrong"));
    }

    @Test
    void pushWithoutCredentialsFailsWithARegistryError(@TempDir Path project) throws Exception {
        FitaSettings settings = settings(project, new Auth(USER, PASSWORD));
        build(settings, project, new RecordingLog(false));
        RegistryClient anonymous = RegistryClient.builder().allowInsecure(true).build();
        RegistryException e = assertThrows(RegistryException.class, () -> new ImagePushService(anonymous,
                new RecordingLog(false)).push(settings, ImagePushService.builtImage(settings, project),
                ImagePushService.target(settings)));
        assertTrue(e.getMessage().contains(registry.host()), e.getMessage());
    }
}
