package dev.fita.maven.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.fita.oci.Platform;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.testing.TestImages;
import dev.fita.oci.testing.TestRegistry;
import dev.fita.oci.testing.Tools;

/**
 * The registries the Maven ITs (src/it) run against, started by exec:java in pre-integration-test
 * and stopped in post-integration-test, so they outlive the single {@code mvn} runs of invoker.
 *
 * <p>{@code start <dir>} starts a plain-HTTP anonymous registry and a TLS + htpasswd one (user
 * {@value #USER}), each on a free 127.0.0.1 port, pushes a tiny linux/amd64 + linux/arm64 + linux/arm/v7
 * base image (no Docker Hub on the test machine; the marker file lets a test see that each platform got
 * its own base layer) to both as {@value #BASE_IMAGE}, and writes {@code <dir>/it.properties} ({@code it.registry},
 * {@code it.authRegistry}, ...) that the pom reads into project properties for invoker.
 * {@code stop <dir>} stops both; it is also run first by {@code start} in case an earlier build
 * was killed before its post-integration-test, and a shutdown hook stops them when Maven exits.
 */
public final class ItRegistries {

    static final String USER = "fita";
    /** Test-only secret; src/it/settings.xml holds it encrypted with src/it/settings-security.xml. */
    static final String PASSWORD = "fita-it-secret";
    /** The base image's tag; its three platforms, each one tiny layer holding {@value #MARKER} (architecture[/variant]). */
    static final String BASE_TAG = "1";
    static final String BASE_IMAGE = "base/tiny:" + BASE_TAG;
    static final String MARKER = "etc/fita-base-arch";

    private static final Duration SKOPEO_TIMEOUT = Duration.ofMinutes(2);

    private ItRegistries() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("start", "stop").contains(args[0])) {
            throw new IllegalArgumentException("usage: ItRegistries start|stop <dir>");
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        if (args[0].equals("start")) {
            start(dir);
        } else {
            stop(dir);
        }
    }

    private static void start(Path dir) throws IOException {
        Path skopeo = Tools.require("skopeo", "skopeo");
        stop(dir);
        deleteRecursively(dir);
        try {
            startAndSeed(dir, skopeo);
        } catch (IOException | RuntimeException | Error e) {
            stop(dir); // post-integration-test does not run when pre-integration-test fails
            throw e;
        }
    }

    private static void startAndSeed(Path dir, Path skopeo) throws IOException {
        Path plainDir = dir.resolve("plain");
        Path authDir = dir.resolve("auth");
        TestRegistry.main(new String[] {"start", plainDir.toString()});
        TestRegistry.main(new String[] {"start", authDir.toString(), "--tls", "--htpasswd", USER + ":" + PASSWORD});
        Properties plain = load(plainDir.resolve("registry.properties"));
        Properties auth = load(authDir.resolve("registry.properties"));
        stopWhenMavenExits(List.of(plain.getProperty("pid"), auth.getProperty("pid")));

        Path layout = dir.resolve("base-image");
        writeBaseImage(layout);
        String source = "oci:" + layout + ":" + BASE_TAG;
        push(skopeo, source, plain.getProperty("host"), null);
        push(skopeo, source, auth.getProperty("host"), USER + ":" + PASSWORD);

        Properties it = new Properties();
        it.setProperty("it.registry", plain.getProperty("host"));
        it.setProperty("it.authRegistry", auth.getProperty("host"));
        it.setProperty("it.authUser", USER);
        it.setProperty("it.authPassword", PASSWORD);
        it.setProperty("it.authCertificate", auth.getProperty("certificate"));
        it.setProperty("it.baseImage", BASE_IMAGE);
        try (OutputStream out = Files.newOutputStream(dir.resolve("it.properties"))) {
            it.store(out, "registries for the Maven ITs; written by " + ItRegistries.class.getName());
        }
        System.out.println("[fita-it] plain registry http://" + plain.getProperty("host")
                + ", authenticated registry https://" + auth.getProperty("host") + ", base image " + BASE_IMAGE);
    }

    private static void writeBaseImage(Path dir) {
        OciLayout layout = OciLayout.create(dir);
        Map<Platform, Map<String, byte[]>> files = new LinkedHashMap<>();
        for (Platform platform : List.of(TestImages.LINUX_AMD64, TestImages.LINUX_ARM64, TestImages.LINUX_ARM_V7)) {
            String arch = platform.architecture() + (platform.variant() == null ? "" : "/" + platform.variant());
            files.put(platform, Map.of(MARKER, (arch + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        layout.tag(TestImages.writeLinuxIndex(layout, files), List.of(BASE_TAG));
    }

    /**
     * exec:java runs this in Maven's JVM: if the build ends without reaching post-integration-test
     * (a failure before it, Ctrl-C), the registries still stop when Maven exits. The hook uses JDK
     * classes only, because exec:java may have closed this class's loader by then.
     */
    private static void stopWhenMavenExits(List<String> pids) {
        List<Long> ids = pids.stream().map(Long::parseLong).toList();
        Runnable stop = () -> ids.forEach(pid -> ProcessHandle.of(pid)
                .filter(h -> h.info().command().map(c -> c.endsWith("docker-registry")).orElse(false))
                .ifPresent(ProcessHandle::destroy));
        // exec:java destroys the thread group it ran main() in; a hook thread there could not start.
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(root, stop, "fita-it-registries-stop"));
    }

    private static void push(Path skopeo, String source, String host, String credentials) {
        List<String> cmd = new ArrayList<>(List.of(skopeo.toString(), "copy", "--all", "--dest-tls-verify=false"));
        if (credentials != null) {
            cmd.addAll(List.of("--dest-creds", credentials));
        }
        cmd.addAll(List.of(source, "docker://" + host + "/" + BASE_IMAGE));
        var result = Tools.run(SKOPEO_TIMEOUT, cmd.toArray(String[]::new));
        if (!result.succeeded()) {
            // describe() would show the command line, which holds the password
            throw new IllegalStateException("skopeo could not push the IT base image to " + host + ": "
                    + result.stderr().replace(PASSWORD, "****"));
        }
    }

    private static void stop(Path dir) throws IOException {
        for (String name : List.of("plain", "auth")) {
            Path registry = dir.resolve(name);
            if (Files.exists(registry.resolve("registry.properties"))) {
                TestRegistry.main(new String[] {"stop", registry.toString()});
                Files.delete(registry.resolve("registry.properties"));
                System.out.println("[fita-it] stopped the " + name + " IT registry");
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
