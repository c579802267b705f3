package dev.fita.oci.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.fita.oci.Digest;

/**
 * An in-memory stand-in for what a real registry cannot be made to do here: the documented quirks
 * of GHCR, GAR, ECR, Harbor, ACR, Docker Hub, Quay and GitLab ({@link StandInProfile}), a bearer-token
 * flow with opaque tokens, blob downloads redirected to another host, and injected faults (statuses,
 * dropped connections). Plain HTTP on 127.0.0.1; clients reach it with allowInsecure. Upload sessions
 * are {@link StandInUploads}, manifests {@link StandInManifests}.
 */
final class StandInRegistry implements AutoCloseable {

    /** What to do with one request instead of answering it normally. */
    enum Fault { NONE, STATUS_503, STATUS_429, RESET, RESET_MID_BODY }

    @FunctionalInterface
    interface FaultPlan {
        Fault decide(String method, String path);
    }

    /** One request as received: method, path, query, the Authorization, Range and Content-Range headers, body size. */
    record Seen(String method, String path, String query, String authorization, String range, String contentRange,
            long bodyBytes) {
    }

    static final String USER = "robot";
    static final String PASSWORD = "stand-in-password-never-shown";

    private final HttpServer server;
    private final HttpServer storage;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    final StandInProfile profile;
    final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    /** Which repositories hold which blobs (Harbor mounts only from a repository that has the blob). */
    final Map<String, Set<String>> repositoryBlobs = new ConcurrentHashMap<>();
    private final StandInManifests manifests;
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();
    private final StandInUploads uploads;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final List<Seen> seenByStorage = new CopyOnWriteArrayList<>();
    final AtomicInteger tokensIssued = new AtomicInteger();
    final List<List<String>> tokenScopes = new CopyOnWriteArrayList<>();
    volatile FaultPlan faults = (m, p) -> Fault.NONE;
    private volatile boolean bearer;
    private volatile boolean redirectBlobs;
    private volatile String retryAfter = "1";
    /** The next this-many authorized registry requests get a 401, as if their tokens had expired. */
    private final AtomicInteger expireTokens = new AtomicInteger();
    /** When set, error bodies echo the Authorization header, like a careless proxy. */
    private volatile boolean echoAuthorization;

    StandInRegistry() throws IOException {
        this(StandInProfile.DISTRIBUTION);
    }

    StandInRegistry(StandInProfile profile) throws IOException {
        this.profile = profile;
        InetAddress lo = InetAddress.getLoopbackAddress();
        server = HttpServer.create(new InetSocketAddress(lo, 0), 50);
        storage = HttpServer.create(new InetSocketAddress(lo, 0), 50);
        uploads = new StandInUploads(this);
        manifests = new StandInManifests(profile);
        server.createContext("/", this::handle);
        storage.createContext("/", this::handleStorage);
        server.setExecutor(pool);
        storage.setExecutor(pool);
        server.start();
        storage.start();
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String storageHost() {
        return "127.0.0.1:" + storage.getAddress().getPort();
    }

    StandInRegistry faults(FaultPlan plan) {
        this.faults = plan;
        return this;
    }

    StandInRegistry bearer(boolean on) {
        this.bearer = on;
        return this;
    }

    StandInRegistry redirectBlobs(boolean on) {
        this.redirectBlobs = on;
        return this;
    }

    StandInRegistry retryAfter(String seconds) {
        this.retryAfter = seconds;
        return this;
    }

    StandInRegistry expireTokens(int requests) {
        this.expireTokens.set(requests);
        return this;
    }

    StandInRegistry echoAuthorization(boolean on) {
        this.echoAuthorization = on;
        return this;
    }

    Set<String> issuedTokens() {
        return tokens.keySet();
    }

    byte[] manifest(String repository, String reference) {
        return manifests.get(repository, reference);
    }

    boolean hasBlob(String digest) {
        return blobs.containsKey(digest);
    }

    long count(String method, String pathPart) {
        return seen.stream().filter(s -> s.method.equals(method) && s.path.contains(pathPart)).count();
    }

    @Override
    public void close() {
        server.stop(0);
        storage.stop(0);
        pool.shutdownNow();
    }

    // ---------------------------------------------------------------- handlers

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            String method = ex.getRequestMethod();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            Fault fault = path.equals("/v2/") || path.equals("/token") ? Fault.NONE : faults.decide(method, path);
            seen.add(new Seen(method, path, uri.getRawQuery(), auth, ex.getRequestHeaders().getFirst("Range"),
                    ex.getRequestHeaders().getFirst("Content-Range"), contentLength(ex)));
            if (path.equals("/token")) {
                token(ex, uri);
                return;
            }
            switch (fault) {
                case STATUS_503 -> {
                    error(ex, 503, "UNAVAILABLE", "injected fault");
                    return;
                }
                case STATUS_429 -> {
                    ex.getResponseHeaders().set("Retry-After", retryAfter);
                    error(ex, 429, "TOOMANYREQUESTS", "injected rate limit");
                    return;
                }
                case RESET -> throw new IOException("injected connection reset");
                default -> { }
            }
            if (bearer && !authorized(ex, path, method, auth)) {
                return;
            }
            route(ex, method, path, uri.getRawQuery(), fault == Fault.RESET_MID_BODY);
        }
    }

    private boolean authorized(HttpExchange ex, String path, String method, String auth) throws IOException {
        String challenge = "Bearer realm=\"http://" + host() + "/token\",service=\"stand-in\"";
        if (path.equals("/v2/")) {
            ex.getResponseHeaders().set("WWW-Authenticate", challenge);
            error(ex, 401, "UNAUTHORIZED", "authentication required");
            return false;
        }
        String repo = repositoryOf(path);
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        String need = "repository:" + repo + ":" + (write ? "push" : "pull");
        Set<String> granted = auth != null && auth.startsWith("Bearer ") ? tokens.get(auth.substring(7)) : null;
        boolean ok = granted != null && granted.stream().anyMatch(s -> s.startsWith("repository:" + repo + ":")
                && List.of(s.substring(s.lastIndexOf(':') + 1).split(",")).contains(write ? "push" : "pull"));
        if (ok && expireTokens.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            ok = false;
        }
        if (!ok) {
            ex.getResponseHeaders().set("WWW-Authenticate", challenge + ",scope=\"" + need + "\"");
            error(ex, 401, "UNAUTHORIZED", "authentication required"
                    + (echoAuthorization && auth != null ? " (you sent " + auth + ")" : ""));
        }
        return ok;
    }

    private void token(HttpExchange ex, URI uri) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            error(ex, 401, "UNAUTHORIZED", "bad credentials"
                    + (echoAuthorization && auth != null ? " (you sent " + auth + ")" : ""));
            return;
        }
        Set<String> scopes = ConcurrentHashMap.newKeySet();
        for (String kv : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            if (kv.startsWith("scope=")) {
                scopes.add(java.net.URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8));
            }
        }
        // Opaque, like GHCR's: nothing a client could parse as a JWT.
        String token = "tok-" + UUID.randomUUID();
        tokens.put(token, scopes);
        tokenScopes.add(List.copyOf(new java.util.TreeSet<>(scopes)));
        tokensIssued.incrementAndGet();
        send(ex, 200, "application/json", ("{\"" + profile.tokenField() + "\":\"" + token + "\",\"expires_in\":300}")
                .getBytes(StandardCharsets.UTF_8), false);
    }

    private void route(HttpExchange ex, String method, String path, String query, boolean cut) throws IOException {
        String repo = repositoryOf(path);
        if (path.equals("/v2/")) {
            send(ex, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8), false);
        } else if (path.contains("/blobs/uploads/") || path.startsWith("/artifacts-uploads/")) {
            if (method.equals("POST") && profile.redirectUploads() && (query == null || !query.contains("mount="))) {
                ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().set("Location", "http://" + storageHost() + path);
                ex.sendResponseHeaders(307, -1);
                return;
            }
            uploads.handle(ex, method, path, query, repo, cut);
        } else if (path.contains("/blobs/")) {
            String digest = path.substring(path.lastIndexOf('/') + 1);
            // Like Distribution, a repository serves only the blobs linked into it.
            byte[] b = repositoryBlobs.getOrDefault(repo, Set.of()).contains(digest) ? blobs.get(digest) : null;
            if (b == null) {
                error(ex, 404, "BLOB_UNKNOWN", "blob unknown to registry");
            } else if (method.equals("GET") && redirectBlobs) {
                ex.getResponseHeaders().set("Location", "http://" + storageHost() + "/store/" + digest);
                ex.sendResponseHeaders(307, -1);
            } else {
                ex.getResponseHeaders().set("Docker-Content-Digest", digest);
                String range = ex.getRequestHeaders().getFirst("Range");
                if (range != null && range.matches("bytes=[0-9]+-")) {
                    int from = Integer.parseInt(range.substring(6, range.length() - 1));
                    send(ex, 206, "application/octet-stream", java.util.Arrays.copyOfRange(b, from, b.length), cut);
                } else {
                    send(ex, 200, "application/octet-stream", b, cut);
                }
            }
        } else if (path.contains("/manifests/")) {
            manifests.handle(ex, method, repo, path.substring(path.lastIndexOf('/') + 1), cut);
        } else {
            error(ex, 404, "NAME_UNKNOWN", "unknown path");
        }
    }

    private void handleStorage(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            seenByStorage.add(new Seen(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Range"),
                    ex.getRequestHeaders().getFirst("Content-Range"), contentLength(ex)));
            if (path.contains("/blobs/uploads/") || path.startsWith("/artifacts-uploads/")) {
                uploads.handle(ex, ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(), repositoryOf(path), false);
                return;
            }
            String digest = path.substring("/store/".length());
            byte[] b = blobs.get(digest);
            if (b == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                send(ex, 200, "application/octet-stream", b, false);
            }
        }
    }

    void stored(String repository, String digest, byte[] content) {
        blobs.put(digest, content);
        repositoryBlobs.computeIfAbsent(repository, r -> ConcurrentHashMap.newKeySet()).add(digest);
    }

    static String repositoryOf(String path) {
        for (String marker : List.of("/blobs/", "/manifests/")) {
            int i = path.indexOf(marker);
            if (path.startsWith("/v2/") && i > 4) {
                return path.substring(4, i);
            }
        }
        String gar = "/artifacts-uploads/namespaces/p/repositories/";
        if (path.startsWith(gar) && path.contains("/uploads/")) {
            return path.substring(gar.length(), path.lastIndexOf("/uploads/"));
        }
        return "";
    }

    private static long contentLength(HttpExchange ex) {
        String l = ex.getRequestHeaders().getFirst("Content-Length");
        return l == null ? -1 : Long.parseLong(l);
    }

    static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] body = ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}").getBytes(StandardCharsets.UTF_8);
        send(ex, status, "application/json", body, false);
    }

    /** Sends a body; with {@code cut}, only half of it before dropping the connection. */
    static void send(HttpExchange ex, int status, String type, byte[] body, boolean cut) throws IOException {
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        OutputStream out = ex.getResponseBody();
        if (cut) {
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new IOException("injected connection reset mid-body");
        }
        out.write(body);
    }
}
