package dev.fita.oci.registry;

import java.io.ByteArrayOutputStream;
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
 * An in-memory stand-in for what a real registry cannot be made to do here: a bearer-token flow,
 * blob downloads redirected to another host, and injected faults (statuses, dropped connections).
 * Plain HTTP on 127.0.0.1; clients reach it with allowInsecure.
 */
final class StandInRegistry implements AutoCloseable {

    /** What to do with one request instead of answering it normally. */
    enum Fault { NONE, STATUS_503, STATUS_429, RESET, RESET_MID_BODY }

    @FunctionalInterface
    interface FaultPlan {
        Fault decide(String method, String path);
    }

    /** One request as received: method, path (no query), the Authorization and Range headers, if any. */
    record Seen(String method, String path, String query, String authorization, String range) {
    }

    static final String USER = "robot";
    static final String PASSWORD = "stand-in-password-never-shown";

    private final HttpServer server;
    private final HttpServer storage;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
    private final Map<String, String> manifestTypes = new ConcurrentHashMap<>();
    private final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final List<Seen> seenByStorage = new CopyOnWriteArrayList<>();
    final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile FaultPlan faults = (m, p) -> Fault.NONE;
    private volatile boolean bearer;
    private volatile boolean redirectBlobs;
    /** The next this-many authorized registry requests get a 401, as if their tokens had expired. */
    private final AtomicInteger expireTokens = new AtomicInteger();
    /** When set, error bodies echo the Authorization header, like a careless proxy. */
    private volatile boolean echoAuthorization;

    StandInRegistry() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        server = HttpServer.create(new InetSocketAddress(lo, 0), 50);
        storage = HttpServer.create(new InetSocketAddress(lo, 0), 50);
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
        return manifests.get(repository + "@" + reference);
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
            seen.add(new Seen(method, path, uri.getRawQuery(), auth, ex.getRequestHeaders().getFirst("Range")));
            if (path.equals("/token")) {
                token(ex, uri);
                return;
            }
            Fault fault = path.equals("/v2/") ? Fault.NONE : faults.decide(method, path);
            switch (fault) {
                case STATUS_503 -> {
                    error(ex, 503, "UNAVAILABLE", "injected fault");
                    return;
                }
                case STATUS_429 -> {
                    ex.getResponseHeaders().set("Retry-After", "30");
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
        String token = "tok-" + UUID.randomUUID();
        tokens.put(token, scopes);
        tokensIssued.incrementAndGet();
        send(ex, 200, "application/json", ("{\"token\":\"" + token + "\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8), false);
    }

    private void route(HttpExchange ex, String method, String path, String query, boolean cut) throws IOException {
        String repo = repositoryOf(path);
        if (path.equals("/v2/")) {
            send(ex, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8), false);
        } else if (path.contains("/blobs/uploads/")) {
            upload(ex, method, path, query, repo);
        } else if (path.contains("/blobs/")) {
            String digest = path.substring(path.lastIndexOf('/') + 1);
            byte[] b = blobs.get(digest);
            if (b == null) {
                error(ex, 404, "BLOB_UNKNOWN", "blob unknown to registry");
            } else if (method.equals("GET") && redirectBlobs) {
                ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + storage.getAddress().getPort() + "/store/" + digest);
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
            String ref = path.substring(path.lastIndexOf('/') + 1);
            String key = repo + "@" + ref;
            if (method.equals("PUT")) {
                byte[] body = ex.getRequestBody().readAllBytes();
                String digest = Digest.sha256(body).toString();
                manifests.put(key, body);
                manifests.put(repo + "@" + digest, body);
                String type = ex.getRequestHeaders().getFirst("Content-Type");
                manifestTypes.put(key, type);
                manifestTypes.put(repo + "@" + digest, type);
                ex.getResponseHeaders().set("Docker-Content-Digest", digest);
                ex.getResponseHeaders().set("Location", "/v2/" + repo + "/manifests/" + digest);
                ex.sendResponseHeaders(201, -1);
            } else {
                byte[] m = manifests.get(key);
                if (m == null) {
                    error(ex, 404, "MANIFEST_UNKNOWN", "manifest unknown");
                    return;
                }
                ex.getResponseHeaders().set("Docker-Content-Digest", Digest.sha256(m).toString());
                send(ex, 200, manifestTypes.get(key), m, cut);
            }
        } else {
            error(ex, 404, "NAME_UNKNOWN", "unknown path");
        }
    }

    private void upload(HttpExchange ex, String method, String path, String query, String repo) throws IOException {
        Map<String, String> q = queryMap(query);
        if (method.equals("POST")) {
            ex.getRequestBody().readAllBytes();
            if (q.containsKey("mount") && blobs.containsKey(q.get("mount"))) {
                ex.getResponseHeaders().set("Docker-Content-Digest", q.get("mount"));
                ex.sendResponseHeaders(201, -1);
                return;
            }
            String id = UUID.randomUUID().toString();
            uploads.put(id, new ByteArrayOutputStream());
            ex.getResponseHeaders().set("Location", "/v2/" + repo + "/blobs/uploads/" + id + "?_state=opaque%2Bstate");
            ex.getResponseHeaders().set("Range", "0-0");
            ex.sendResponseHeaders(202, -1);
            return;
        }
        String id = path.substring(path.lastIndexOf('/') + 1);
        ByteArrayOutputStream session = uploads.get(id);
        if (session == null) {
            error(ex, 404, "BLOB_UPLOAD_UNKNOWN", "upload unknown");
            return;
        }
        byte[] body = ex.getRequestBody().readAllBytes();
        synchronized (session) {
            session.write(body);
        }
        if (method.equals("PATCH")) {
            ex.getResponseHeaders().set("Location", "/v2/" + repo + "/blobs/uploads/" + id + "?_state=opaque%2Bstate");
            ex.getResponseHeaders().set("Range", "0-" + (session.size() - 1));
            ex.sendResponseHeaders(202, -1);
            return;
        }
        String digest = q.get("digest");
        byte[] content = session.toByteArray();
        uploads.remove(id);
        if (!Digest.sha256(content).toString().equals(digest)) {
            error(ex, 400, "DIGEST_INVALID", "provided digest did not match uploaded content");
            return;
        }
        blobs.put(digest, content);
        ex.getResponseHeaders().set("Docker-Content-Digest", digest);
        ex.sendResponseHeaders(201, -1);
    }

    private void handleStorage(HttpExchange ex) throws IOException {
        try (ex) {
            seenByStorage.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Range")));
            String digest = ex.getRequestURI().getPath().substring("/store/".length());
            byte[] b = blobs.get(digest);
            if (b == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                send(ex, 200, "application/octet-stream", b, false);
            }
        }
    }

    private static String repositoryOf(String path) {
        for (String marker : List.of("/blobs/", "/manifests/")) {
            int i = path.indexOf(marker);
            if (path.startsWith("/v2/") && i > 4) {
                return path.substring(4, i);
            }
        }
        return "";
    }

    private static Map<String, String> queryMap(String query) {
        Map<String, String> m = new ConcurrentHashMap<>();
        if (query != null) {
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    m.put(kv.substring(0, eq), java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] body = ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}").getBytes(StandardCharsets.UTF_8);
        send(ex, status, "application/json", body, false);
    }

    /** Sends a body; with {@code cut}, only half of it before dropping the connection. */
    private static void send(HttpExchange ex, int status, String type, byte[] body, boolean cut) throws IOException {
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
