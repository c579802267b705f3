package dev.fita.oci.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.DefaultManagedHttpClientConnection;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;

import dev.fita.oci.Digest;

/**
 * A client for the OCI distribution API. Thread-safe: build one and share it across operations;
 * it caches per registry whether to use https or http, the auth challenge, bearer tokens per scope
 * set, and where blobs were last seen (for cross-repository mounts).
 */
public final class RegistryClient {

    /** Blobs above this size are uploaded in PATCH chunks of this size. */
    public static final long DEFAULT_CHUNK_SIZE = 32L * 1024 * 1024;

    private final RegistryTransport transport;
    private final long chunkSize;
    private final Map<String, String> blobLocations = new ConcurrentHashMap<>();

    private RegistryClient(RegistryTransport transport, long chunkSize) {
        this.transport = transport;
        this.chunkSize = chunkSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Repository repository(ImageReference ref) {
        return new Repository(this, ref.registry(), ref.repository());
    }

    RegistryTransport transport() {
        return transport;
    }

    long chunkSize() {
        return chunkSize;
    }

    /** Remembers that {@code repository} on {@code registry} has the blob, as a mount source for later. */
    void sawBlob(String registry, String repository, Digest digest) {
        blobLocations.put(registry + "|" + digest, repository);
    }

    Optional<String> knownLocation(String registry, Digest digest) {
        return Optional.ofNullable(blobLocations.get(registry + "|" + digest));
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

        /** Blobs larger than this go up in chunks of this size (PATCH with Content-Range). */
        public Builder chunkSize(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("chunkSize must be positive");
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
            RegistryTransport rt = new RegistryTransport(t.createRequestFactory(), credentials, allowInsecure,
                    retryPolicy, userAgent, connectTimeout, readTimeout);
            return new RegistryClient(rt, chunkSize);
        }

        private HttpTransport apacheTransport() {
            SSLConnectionSocketFactory tls;
            try {
                if (allowInsecure) {
                    tls = new SSLConnectionSocketFactory(trustAllContext(), NoopHostnameVerifier.INSTANCE);
                } else if (trustedCertificate != null) {
                    tls = new SSLConnectionSocketFactory(contextTrusting(trustedCertificate));
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
            // log level (e.g. mvn -X), would print Authorization headers and token bodies.
            AtomicLong ids = new AtomicLong();
            PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(sockets,
                    (route, config) -> new DefaultManagedHttpClientConnection("fita-" + ids.incrementAndGet(), 8 * 1024));
            connections.setMaxTotal(50);
            connections.setDefaultMaxPerRoute(20);
            HttpClientBuilder b = ApacheHttpTransport.newDefaultHttpClientBuilder()
                    .setConnectionManager(connections)
                    // Blobs must arrive byte for byte (digests); cookies have no place in the API.
                    .disableContentCompression()
                    .disableCookieManagement();
            return new ApacheHttpTransport(b.build());
        }

        private static SSLContext trustAllContext() throws GeneralSecurityException {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
                @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
                @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
            }}, new SecureRandom());
            return ctx;
        }

        /** The JDK's trusted CAs plus the given PEM certificate(s). */
        private static SSLContext contextTrusting(Path pem) throws GeneralSecurityException, IOException {
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (TrustManager tm : defaults.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        store.setCertificateEntry("default-" + i++, c);
                    }
                }
            }
            try (InputStream in = Files.newInputStream(pem)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("extra-" + i++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        }
    }
}
