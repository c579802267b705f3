package dev.fita.maven.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.config.Auth;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.credentials.SettingsServers;
import dev.fita.maven.testing.RecordingLog;
import dev.fita.maven.testing.TestSettings;
import dev.fita.oci.content.GraphCopy;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.RegistryAuthenticationException;
import dev.fita.oci.testing.IsolatedUserHome;
import dev.fita.oci.testing.RegistryProxy;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestImages.SmallImage;
import dev.fita.oci.testing.TestRegistry;
import dev.fita.oci.testing.TokenServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The goals' registry clients: {@code mvn -X} shows each request and retry decision, never a secret. */
@ExtendWith(IsolatedUserHome.class)
class RegistryAccessTest {
    private static final String USER = "fita";
    private static final String PASSWORD = "s3cret-never-logged";

    private static TestRegistry registry;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        registry = TestRegistry.builder().tls(true).htpasswd(USER, PASSWORD).start();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private FitaSettings settings(String password) {
        return TestSettings.of(tmp.resolve("target/fita"), registry.host() + "/fita/logged:1", new Auth(USER, password));
    }

    private void push(RecordingLog log, FitaSettings settings) {
        RegistryAccess access = new RegistryAccess(log, false, SettingsServers.none());
        SmallImage image = TestImages.writeSmallImage(tmp.resolve("layout-" + System.nanoTime()), "logged");
        ImageReference target = ImageReference.parse(settings.to().image());
        new GraphCopy().copy(image.layout(), image.root(), access.client(settings, access.to(settings)).target(target),
                List.of("1"), null);
    }

    @Test
    void withDebugEveryRequestIsALineWithoutSecrets() {
        RecordingLog log = new RecordingLog(true);
        push(log, settings(PASSWORD));
        String all = log.all();
        String v2 = "https://" + registry.host() + "/v2/";
        assertTrue(log.lines.contains("debug GET " + v2 + " -> 401"), all);
        assertTrue(log.lines.stream().anyMatch(l -> l.startsWith("debug POST " + v2 + "fita/logged/blobs/uploads/ -> 202")), all);
        assertTrue(log.lines.contains("debug PUT " + v2 + "fita/logged/manifests/1 -> 201"), all);
        assertFalse(all.contains("?"), "no query (upload state) is logged: " + all);
        assertFalse(all.contains(PASSWORD), all);
        assertFalse(all.contains(Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))), all);
        assertFalse(all.contains("Authorization") || all.contains("Basic "), all);
    }

    @Test
    void withDebugBearerTokensRetriesAndTheirReasonsAreShownButNoTokenOrPassword() {
        try (TokenServer tokens = TokenServer.start(tmp.resolve("tokens"), USER, PASSWORD);
                TestRegistry tokenRegistry = TestRegistry.builder().tokenAuth(tokens).start();
                RegistryProxy proxy = RegistryProxy.start(tokenRegistry.host())) {
            AtomicInteger heads = new AtomicInteger();
            proxy.faults((method, path) -> method.equals("HEAD") && heads.getAndIncrement() == 0
                    ? RegistryProxy.Fault.STATUS_503 : RegistryProxy.Fault.NONE);
            RecordingLog log = new RecordingLog(true);
            push(log, TestSettings.of(tmp.resolve("target/fita"), proxy.host() + "/fita/tokens:1", new Auth(USER, PASSWORD)));
            String all = log.all();
            assertTrue(log.lines.contains("debug GET " + tokens.realm() + " -> 200"), "the token request, without its query: " + all);
            assertTrue(log.lines.stream().anyMatch(l -> l.matches("debug retrying " + Pattern.quote(proxy.host())
                    + " for fita/tokens \\(checking .*\\) in \\d+ ms \\(attempt 1 failed: answered 503 .*\\)")), all);
            assertTrue(log.lines.stream().anyMatch(l -> l.startsWith("debug PUT http://" + proxy.host() + "/v2/fita/tokens/manifests/1 -> 201")), all);
            assertFalse(all.contains("?"), "no query (scopes, upload state) is logged: " + all);
            assertFalse(all.contains(PASSWORD), all);
            assertFalse(all.contains("Bearer") || all.contains("eyJ") || all.contains("Authorization"), "no token: " + all);
        }
    }

    @Test
    void aRegistrysWarningsAreMavenWarningsOnceEach() {
        try (TestRegistry plain = TestRegistry.start();
                RegistryProxy proxy = RegistryProxy.start(plain.host())
                        .header("Warning", "299 - \"this registry is read-only from 1 June\"")) {
            RecordingLog log = new RecordingLog(false);
            RegistryAccess access = new RegistryAccess(log, false, SettingsServers.none());
            FitaSettings settings = TestSettings.of(tmp.resolve("target/fita"), proxy.host() + "/fita/warned:1", null);
            var repository = access.client(settings, access.to(settings)).repository(ImageReference.parse(proxy.host() + "/fita/warned"));
            repository.resolve("1");
            repository.resolve("2");
            assertEquals(List.of("warn " + proxy.host() + " warns: this registry is read-only from 1 June"), log.lines);
        }
    }

    @Test
    void withoutDebugTheClientIsQuiet() {
        RecordingLog log = new RecordingLog(false);
        push(log, settings(PASSWORD));
        assertEquals(List.of(), log.lines.stream().filter(l -> l.startsWith("debug ")).toList());
    }

    @Test
    void aRefusedPasswordIsNamedButNotShown() {
        RecordingLog log = new RecordingLog(true);
        RegistryAuthenticationException e = assertThrows(RegistryAuthenticationException.class,
                () -> push(log, settings("wrong-" + PASSWORD)));
        assertTrue(e.getMessage().startsWith(registry.host() + " rejected the credentials for fita/logged (push)"),
                e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD) || log.all().contains(PASSWORD), log.all());
    }

    @Test
    void offlineModeRefusesBeforeAnyRequest() {
        RegistryAccess offline = new RegistryAccess(new RecordingLog(false), true, SettingsServers.none());
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> offline.requireOnline("fita:push", "push to " + registry.host() + "/fita/x"));
        assertEquals("fita:push cannot push to " + registry.host() + "/fita/x in offline mode (-o); run it without -o",
                e.getMessage());
    }
}
