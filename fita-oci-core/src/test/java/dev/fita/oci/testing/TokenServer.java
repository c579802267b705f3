package dev.fita.oci.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.fita.oci.Json;

/**
 * The token issuer of a real Distribution registry in {@code auth: token} mode
 * ({@link TestRegistry.Builder#tokenAuth}), as Docker Hub, GHCR, Harbor and GitLab run one: on
 * {@code GET /token?service=…&scope=…} with the right Basic credentials it grants every scope asked
 * for, as an RS256 JWT whose {@code x5c} header carries the certificate Distribution trusts
 * ({@code rootcertbundle}; key and certificate made with openssl). The token's real lifetime and the
 * {@code expires_in} it reports can differ, as with a skewed clock: that is how a test makes a token
 * expire while a client still holds it.
 */
public final class TokenServer implements AutoCloseable {

    public static final String SERVICE = "fita-test-registry";
    public static final String ISSUER = "fita-test-token-issuer";
    /** Distribution accepts a token this long after its {@code exp} (and before its {@code nbf}). */
    private static final long DISTRIBUTION_LEEWAY_S = 60;

    /** One token request: the scopes asked for, and whether it was granted. */
    public record Asked(List<String> scopes, boolean granted) {
    }

    private final HttpServer server;
    private final Path certificate;
    private final PrivateKey key;
    private final String x5c;
    private final String user;
    private final String password;
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofMinutes(5);
    private volatile Duration reported = Duration.ofMinutes(5);
    private volatile String field = "token";

    private TokenServer(Path dir, String user, String password) throws IOException, GeneralSecurityException {
        this.user = user;
        this.password = password;
        this.certificate = dir.resolve("token-cert.pem");
        Path keyFile = dir.resolve("token-key.pem");
        Tools.require("openssl", "openssl");
        Tools.run(Duration.ofSeconds(60), dir, Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", keyFile.toString(), "-out", certificate.toString(), "-subj", "/CN=" + ISSUER, "-days", "2")
                .assertSuccess();
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(keyFile, "PRIVATE KEY")));
        byte[] der;
        try (java.io.InputStream in = Files.newInputStream(certificate)) {
            der = CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
        }
        this.x5c = Base64.getEncoder().encodeToString(der);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/token", this::token);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "token-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** A token server in {@code dir} that grants tokens to {@code user} with {@code password}. */
    public static TokenServer start(Path dir, String user, String password) {
        try {
            Files.createDirectories(dir);
            return new TokenServer(dir, user, password);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the token server", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not read the token server's key", e);
        }
    }

    /** How long a token really lasts, and the {@code expires_in} the answer claims. */
    public TokenServer lifetime(Duration real, Duration claimed) {
        this.lifetime = real;
        this.reported = claimed;
        return this;
    }

    /** The answer's field for the token: {@code token} (Distribution, GHCR), {@code access_token} (OAuth2, ACR). */
    public TokenServer field(String name) {
        this.field = name;
        return this;
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The certificate (PEM) Distribution must trust for the tokens' signatures. */
    public Path certificate() {
        return certificate;
    }

    public int issued() {
        return issued.get();
    }

    public List<Asked> asked() {
        return List.copyOf(asked);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void token(HttpExchange ex) throws IOException {
        try (ex) {
            List<String> scopes = new ArrayList<>();
            String query = ex.getRequestURI().getRawQuery();
            for (String kv : query == null ? new String[0] : query.split("&")) {
                if (kv.startsWith("scope=")) {
                    scopes.add(URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8));
                }
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
            boolean ok = expected.equals(ex.getRequestHeaders().getFirst("Authorization"));
            asked.add(new Asked(List.copyOf(scopes), ok));
            byte[] body;
            int status;
            if (ok) {
                ObjectNode answer = Json.mapper().createObjectNode();
                answer.put(field, jwt(scopes));
                answer.put("expires_in", reported.toSeconds());
                body = Json.mapper().writeValueAsBytes(answer);
                status = 200;
                issued.incrementAndGet();
            } else {
                body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}"
                        .getBytes(StandardCharsets.UTF_8);
                status = 401;
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
        }
    }

    /** A JWT Distribution accepts for {@code lifetime}: its {@code exp} leaves out Distribution's leeway. */
    private String jwt(List<String> scopes) {
        long now = System.currentTimeMillis() / 1000;
        ObjectNode header = Json.mapper().createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(x5c);
        ObjectNode claims = Json.mapper().createObjectNode()
                .put("iss", ISSUER).put("sub", user).put("aud", SERVICE)
                .put("exp", now + lifetime.toSeconds() - DISTRIBUTION_LEEWAY_S)
                .put("nbf", now - DISTRIBUTION_LEEWAY_S).put("iat", now).put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        for (String scope : scopes) {
            String[] parts = scope.split(":");
            if (parts.length < 3) {
                continue;
            }
            String name = scope.substring(parts[0].length() + 1, scope.lastIndexOf(':'));
            ObjectNode grant = access.addObject().put("type", parts[0]).put("name", name);
            ArrayNode actions = grant.putArray("actions");
            for (String a : parts[parts.length - 1].split(",")) {
                actions.add(a);
            }
        }
        String signed = b64(Json.write(header)) + "." + b64(Json.write(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] pem(Path file, String type) throws IOException {
        String text = Files.readString(file);
        int begin = text.indexOf("-----BEGIN " + type + "-----");
        int end = text.indexOf("-----END " + type + "-----");
        if (begin < 0 || end < 0) {
            throw new IOException(file + " holds no " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(begin + type.length() + 16, end));
    }

}
