package dev.fita.oci.registry;

import java.io.IOException;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.DefaultManagedHttpClientConnection;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.impl.conn.SystemDefaultRoutePlanner;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;

/**
 * A client for the OCI distribution API. Thread-safe: build one and share it across operations; it
 * caches per registry whether to use https or http, the auth challenge and bearer tokens per scope
 * set. It logs one debug line per request (method, URL without query, status) and per retry
 * decision, never a header, token or password.
 */
public final class RegistryClient {

    /**
     * Blobs above this size are uploaded in PATCH chunks of this size. Large: Docker, skopeo and Jib
     * send each blob in one request, so registries accept big bodies, and every chunk costs a round
     * trip and a sync on the registry (32 MiB chunks made a 1 GiB push about 20% slower, docs/benchmarks.md);
     * one PUT per blob also keeps clear of ECR's chunk rules.
     */
    public static final long DEFAULT_CHUNK_SIZE = 512L * 1024 * 1024;

    /** The smallest chunk: ECR refuses parts under 5 MiB (but the last). A registry's {@code OCI-Chunk-Min-Length} may ask for more. */
    public static final long MIN_CHUNK_SIZE = 5L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(RegistryClient.class.getName());

    private final Transport transport;
    private final long chunkSize;

    private RegistryClient(Transport transport, long chunkSize) {
        this.transport = transport;
        this.chunkSize = chunkSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds {@code ref}'s registry now (scheme and auth challenge) instead of on first use, in one
     * attempt: a {@link PlainHttpRegistryException} when it speaks plain HTTP and insecure registries are
     * not allowed, another {@link RegistryException} when it cannot be reached. Cheap once it is known.
     */
    public void ping(ImageReference ref) {
        Operation op = Operation.pull(ref.registry(), ref.repository(), "checking the registry");
        try {
            transport.origin(op);
        } catch (IOException | RetryableStatus e) {
            throw new RegistryUnreachableException("Could not reach " + op.where() + ": " + e.getMessage(), e);
        }
    }

    /** {@code ref}'s repository; reads ask for pull access only. */
    public Repository repository(ImageReference ref) {
        return new Repository(transport, ref.registry(), ref.repository(), false, chunkSize);
    }

    /** {@code ref}'s repository as a push target: every request asks for push access, so one token serves a whole push. */
    public Repository target(ImageReference ref) {
        return new Repository(transport, ref.registry(), ref.repository(), true, chunkSize);
    }

    public static final class Builder {
        private CredentialProvider credentials = CredentialProvider.anonymous();
        private boolean allowInsecure;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private String userAgent = "fita-oci";
        private HttpTransport httpTransport;
        private Path trustedCertificate;
        private long chunkSize = DEFAULT_CHUNK_SIZE;
        private Duration connectTimeout = Duration.ofSeconds(20);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Consumer<String> debugLog = line -> LOG.log(Level.FINE, line);
        private Consumer<String> warningLog = line -> LOG.log(Level.WARNING, line);

        public Builder credentials(CredentialProvider provider) {
            this.credentials = Objects.requireNonNull(provider);
            return this;
        }

        /**
         * Like Jib's allowInsecureRegistries: skip TLS certificate verification and fall back to plain
         * HTTP. Credentials then may travel over plain HTTP too, which the caller accepted by allowing it.
         */
        public Builder allowInsecure(boolean allow) {
            this.allowInsecure = allow;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy);
            return this;
        }

        public Builder userAgent(String agent) {
            this.userAgent = Objects.requireNonNull(agent);
            return this;
        }

        /** Where the debug lines go (default: java.util.logging at FINE); e.g. a build tool's debug log. */
        public Builder debugLog(Consumer<String> lines) {
            this.debugLog = Objects.requireNonNull(lines);
            return this;
        }

        /**
         * Where a registry's {@code Warning: 299} texts go, each once, prefixed with the registry's host
         * (default: java.util.logging at WARNING); e.g. a build tool's warnings.
         */
        public Builder warningLog(Consumer<String> lines) {
            this.warningLog = Objects.requireNonNull(lines);
            return this;
        }

        /** For tests: the google-http-client transport to use (otherwise Apache HttpClient). */
        public Builder httpTransport(HttpTransport transport) {
            this.httpTransport = transport;
            return this;
        }

        /** An extra CA or self-signed certificate (PEM) to trust besides the JDK's default trust store. */
        public Builder trustCertificate(Path pem) {
            this.trustedCertificate = pem;
            return this;
        }

        /**
         * Blobs larger than this go up in chunks of this size (PATCH with Content-Range), or of the
         * registry's {@code OCI-Chunk-Min-Length} when that is larger; at least {@link #MIN_CHUNK_SIZE}.
         */
        public Builder chunkSize(long bytes) {
            if (bytes < MIN_CHUNK_SIZE) {
                throw new IllegalArgumentException("chunkSize must be at least " + MIN_CHUNK_SIZE
                        + " bytes (ECR's smallest part), got " + bytes);
            }
            this.chunkSize = bytes;
            return this;
        }

        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = Objects.requireNonNull(connect);
            this.readTimeout = Objects.requireNonNull(read);
            return this;
        }

        public RegistryClient build() {
            HttpTransport t = httpTransport != null ? httpTransport : apacheTransport();
            HttpSender sender = new HttpSender(t.createRequestFactory(), userAgent, connectTimeout, readTimeout, debugLog,
                    warningLog);
            return new RegistryClient(new Transport(sender, credentials, allowInsecure, retryPolicy), chunkSize);
        }

        private HttpTransport apacheTransport() {
            SSLConnectionSocketFactory tls;
            try {
                if (allowInsecure) {
                    tls = new SSLConnectionSocketFactory(TlsTrust.trustingAll(), NoopHostnameVerifier.INSTANCE);
                } else if (trustedCertificate != null) {
                    tls = new SSLConnectionSocketFactory(TlsTrust.trusting(trustedCertificate));
                } else {
                    tls = SSLConnectionSocketFactory.getSystemSocketFactory();
                }
            } catch (GeneralSecurityException | IOException e) {
                throw new RegistryException("Could not set up TLS trust"
                        + (trustedCertificate != null ? " with the certificate " + trustedCertificate : "")
                        + ": " + e.getMessage(), e);
            }
            Registry<ConnectionSocketFactory> sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                    .register("http", PlainConnectionSocketFactory.getSocketFactory())
                    .register("https", tls)
                    .build();
            // Plain (non-logging) connections: HttpClient's header and wire logs, switched on by a debug
            // log level (e.g. mvn -X), would print Authorization headers and token bodies. 64 KiB
            // buffers: blob bodies then reach the socket in 64 KiB writes, not 8 KiB ones (less CPU).
            AtomicLong ids = new AtomicLong();
            PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(sockets,
                    (route, config) -> new DefaultManagedHttpClientConnection("fita-" + ids.incrementAndGet(), 64 * 1024));
            connections.setMaxTotal(50);
            connections.setDefaultMaxPerRoute(20);
            // ApacheHttpTransport.newDefaultHttpClientBuilder() without its SSL socket factory, which the
            // connection manager above replaces: building that one loads the JDK's CA store and the public
            // suffix list again, about 0.2 s of every goal's first request for nothing.
            return new ApacheHttpTransport(HttpClientBuilder.create()
                    .useSystemProperties()
                    .setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()))
                    .disableRedirectHandling()
                    .disableAutomaticRetries()
                    .setConnectionManager(connections)
                    // Blobs must arrive byte for byte (digests); cookies have no place in the API.
                    .disableContentCompression()
                    .disableCookieManagement()
                    .build());
        }
    }
}
