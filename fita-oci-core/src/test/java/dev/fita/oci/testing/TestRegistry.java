package dev.fita.oci.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.HttpsURLConnection;

import org.mindrot.jbcrypt.BCrypt;

import dev.fita.oci.registry.TlsTrust;

/**
 * A real CNCF Distribution registry ({@code docker-registry serve}) on 127.0.0.1, on a free port,
 * with its own storage in a temporary directory; optionally with a self-signed TLS certificate, and
 * htpasswd basic auth or bearer tokens from a {@link TokenServer}. One per test class keeps the number
 * of processes small.
 *
 * <pre>
 * try (TestRegistry registry = TestRegistry.builder().tls(true).htpasswd("user", "secret").start()) {
 *     String host = registry.host();   // "127.0.0.1:PORT"
 * }
 * </pre>
 *
 * <p>Maven ITs start a detached one from {@link #main}: {@code start <dir> [--tls] [--htpasswd user:pass]}
 * writes {@code <dir>/registry.properties} (host, pid, certificate, storage) and leaves it running;
 * {@code stop <dir>} kills it.
 */
public final class TestRegistry implements AutoCloseable {

    private static final String COMMAND = "docker-registry";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final boolean ownsDir;
    private final Process process;
    private final String host;
    private final Path certificate;
    private final Thread shutdownHook;

    private TestRegistry(Path dir, boolean ownsDir, Process process, String host, Path certificate, boolean detached) {
        this.dir = dir;
        this.ownsDir = ownsDir;
        this.process = process;
        this.host = host;
        this.certificate = certificate;
        // A test JVM that dies must not leave registries behind; detached ones outlive us on purpose.
        this.shutdownHook = detached ? null : new Thread(process::destroyForcibly, "test-registry-stop");
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    public static TestRegistry start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:PORT}, the registry part of an image reference. */
    public String host() {
        return host;
    }

    public boolean tls() {
        return certificate != null;
    }

    /** The self-signed certificate (PEM) when TLS is on, else empty. */
    public Optional<Path> certificatePath() {
        return Optional.ofNullable(certificate);
    }

    public Path storageDir() {
        return dir.resolve("storage");
    }

    public Path directory() {
        return dir;
    }

    public long pid() {
        return process.pid();
    }

    /** The last lines of the registry's log, for failure messages. */
    public String logTail() {
        return tail(dir.resolve("registry.log"));
    }

    @Override
    public void close() {
        stop(process.toHandle());
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
        }
        if (ownsDir) {
            deleteRecursively(dir);
        }
    }

    public static final class Builder {
        private boolean tls;
        private String user;
        private String password;
        private Path directory;
        private boolean detached;
        private TokenServer tokens;

        public Builder tls(boolean enabled) {
            this.tls = enabled;
            return this;
        }

        /** Requires basic auth with this one user (bcrypt htpasswd, as Distribution demands). */
        public Builder htpasswd(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * Requires bearer tokens from {@code server} ({@code auth: token}, as Docker Hub, GHCR and Harbor
         * do): Distribution sends clients to its realm and trusts the tokens it signs.
         */
        public Builder tokenAuth(TokenServer server) {
            this.tokens = server;
            return this;
        }

        /** Uses (and keeps) this directory instead of a temporary one. */
        public Builder directory(Path dir) {
            this.directory = dir;
            return this;
        }

        Builder detached(boolean detached) {
            this.detached = detached;
            return this;
        }

        public TestRegistry start() {
            requireRegistryCommand();
            try {
                boolean owns = directory == null;
                Path dir = owns ? Files.createTempDirectory("fita-registry-") : Files.createDirectories(directory);
                return launch(dir, owns, this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not prepare the test registry directory", e);
            }
        }
    }

    private static TestRegistry launch(Path dir, boolean owns, Builder b) throws IOException {
        int port = freePort();
        String host = "127.0.0.1:" + port;
        Files.createDirectories(dir.resolve("storage"));
        StringBuilder config = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: info\n  accesslog:\n    disabled: true\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("storage")).append('\n')
                .append("  delete:\n    enabled: true\n")
                .append("http:\n  addr: ").append(host).append('\n');
        Path cert = null;
        if (b.tls) {
            cert = dir.resolve("cert.pem");
            Path key = dir.resolve("key.pem");
            selfSignedCertificate(dir, cert, key);
            config.append("  tls:\n    certificate: ").append(cert).append("\n    key: ").append(key).append('\n');
        }
        if (b.tokens != null) {
            config.append("auth:\n  token:\n    realm: ").append(b.tokens.realm())
                    .append("\n    service: ").append(TokenServer.SERVICE)
                    .append("\n    issuer: ").append(TokenServer.ISSUER)
                    .append("\n    rootcertbundle: ").append(b.tokens.certificate()).append('\n');
        } else if (b.user != null) {
            Path htpasswd = dir.resolve("htpasswd");
            // Cost 4: the registry checks bcrypt on every request; the test does not need slow hashes.
            Files.writeString(htpasswd, b.user + ":" + BCrypt.hashpw(b.password, BCrypt.gensalt(4)) + "\n");
            config.append("auth:\n  htpasswd:\n    realm: fita-test-registry\n    path: ").append(htpasswd).append('\n');
        }
        Path configFile = dir.resolve("config.yml");
        Files.writeString(configFile, config.toString());
        Path log = dir.resolve("registry.log");
        Process process = new ProcessBuilder(COMMAND, "serve", configFile.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        TestRegistry registry = new TestRegistry(dir, owns, process, host, cert, b.detached);
        try {
            awaitReady(registry, process);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    private static void awaitReady(TestRegistry registry, Process process) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String scheme = registry.tls() ? "https" : "http";
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited with code " + process.exitValue()
                        + " before answering; log tail:\n" + registry.logTail());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) new URL(scheme + "://" + registry.host() + "/v2/").openConnection();
                if (c instanceof HttpsURLConnection https) {
                    // Trusts exactly the certificate made for this registry (issued for IP 127.0.0.1).
                    https.setSSLSocketFactory(TlsTrust.trusting(registry.certificate).getSocketFactory());
                }
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                int status = c.getResponseCode();
                c.disconnect();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot trust the test registry's certificate", e);
            }
            sleep(100);
        }
        throw new IllegalStateException("docker-registry did not answer GET /v2/ on " + registry.host() + " within "
                + START_TIMEOUT.toSeconds() + " s (last error: " + last + "); log tail:\n" + registry.logTail());
    }

    private static void selfSignedCertificate(Path dir, Path cert, Path key) throws IOException {
        List<String> cmd = List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-days", "2");
        Path log = dir.resolve("openssl.log");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("openssl is not installed; install it with: apt-get install openssl"
                    + " (or run scripts/test)", e);
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("openssl could not make a self-signed certificate: " + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate", e);
        }
    }

    private static void requireRegistryCommand() {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p, COMMAND))
                .anyMatch(Files::isExecutable);
        if (!found) {
            throw new IllegalStateException("the '" + COMMAND + "' command (CNCF Distribution) is not on the PATH;"
                    + " install it with: apt-get install docker-registry (or run scripts/test)");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void stop(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // nothing more we can do
            }
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the registry", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp dir is harmless
        }
    }

    /**
     * {@code start <dir> [--tls] [--htpasswd user:pass]} or {@code stop <dir>}; for Maven ITs that need a
     * registry across several {@code mvn} runs.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TestRegistry start <dir> [--tls] [--htpasswd user:pass] | stop <dir>");
            System.exit(2);
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        Path props = dir.resolve("registry.properties");
        switch (args[0]) {
            case "start" -> {
                Builder b = builder().directory(dir).detached(true);
                for (int i = 2; i < args.length; i++) {
                    if (args[i].equals("--tls")) {
                        b.tls(true);
                    } else if (args[i].equals("--htpasswd") && i + 1 < args.length) {
                        String[] up = args[++i].split(":", 2);
                        b.htpasswd(up[0], up.length > 1 ? up[1] : "");
                    } else {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                }
                TestRegistry r = b.start();
                Properties p = new Properties();
                p.setProperty("host", r.host());
                p.setProperty("pid", Long.toString(r.pid()));
                p.setProperty("storage", r.storageDir().toString());
                r.certificatePath().ifPresent(c -> p.setProperty("certificate", c.toString()));
                try (OutputStream out = Files.newOutputStream(props)) {
                    p.store(out, "test registry");
                }
                System.out.println(r.host());
            }
            case "stop" -> {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(props)) {
                    p.load(in);
                }
                ProcessHandle.of(Long.parseLong(p.getProperty("pid"))).ifPresent(TestRegistry::stop);
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0] + " (expected start or stop)");
        }
    }

    @Override
    public String toString() {
        return "TestRegistry[" + host + (tls() ? ", tls" : "") + "]";
    }
}
