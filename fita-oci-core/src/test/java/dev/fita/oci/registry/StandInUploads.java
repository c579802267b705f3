package dev.fita.oci.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;

import dev.fita.oci.Digest;

/**
 * The stand-in's upload sessions, the way the spec describes them (POST, PATCH with Content-Range,
 * GET for the status, closing PUT with {@code digest=}, mounts) with the quirks of the profile: where
 * sessions live and how their Location reads, the status of a PATCH, ECR's part size and ignored
 * PATCHes, ACR's sessions that a broken request spoils, Harbor's mounts, a minimum chunk length. A
 * request cut off mid-body keeps what arrived (the session can resume), except under ACR.
 */
final class StandInUploads {

    /** One session: its repository, the bytes so far, the size of each part, and whether a broken request spoiled it. */
    static final class Session {
        final String repository;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final List<Long> parts = new CopyOnWriteArrayList<>();
        volatile boolean spoiled;

        Session(String repository) {
            this.repository = repository;
        }
    }

    private final StandInRegistry registry;
    private final StandInProfile profile;
    final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger patches = new AtomicInteger();

    StandInUploads(StandInRegistry registry) {
        this.registry = registry;
        this.profile = registry.profile;
    }

    void handle(HttpExchange ex, String method, String path, String query, String repo, boolean cut) throws IOException {
        Map<String, String> q = queryMap(query);
        if (method.equals("POST")) {
            ex.getRequestBody().readAllBytes();
            if (q.containsKey("mount") && mountable(q.get("mount"), q.get("from"))) {
                registry.stored(repo, q.get("mount"), registry.blobs.get(q.get("mount")));
                ex.getResponseHeaders().set("Docker-Content-Digest", q.get("mount"));
                ex.sendResponseHeaders(201, -1);
                return;
            }
            String id = UUID.randomUUID().toString();
            Session fresh = new Session(repo);
            sessions.put(id, fresh);
            if (profile.chunkMinLength() > 0) {
                ex.getResponseHeaders().set("OCI-Chunk-Min-Length", Long.toString(profile.chunkMinLength()));
            }
            answer(ex, 202, id, fresh);
            return;
        }
        String id = path.substring(path.lastIndexOf('/') + 1);
        Session session = sessions.get(id);
        if (session == null) {
            StandInRegistry.error(ex, 404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
            return;
        }
        if (session.spoiled) {
            StandInRegistry.error(ex, 400, "BLOB_UPLOAD_INVALID", "blob upload invalid");
            return;
        }
        switch (method) {
            case "GET" -> answer(ex, 204, id, session);
            case "PATCH" -> patch(ex, id, session, cut);
            case "PUT" -> put(ex, id, session, q.get("digest"), cut);
            case "DELETE" -> {
                sessions.remove(id);
                ex.sendResponseHeaders(204, -1);
            }
            default -> StandInRegistry.error(ex, 405, "UNSUPPORTED", "method not allowed");
        }
    }

    private boolean mountable(String digest, String from) {
        if (profile.mountFromSourceOnly()) {
            return registry.repositoryBlobs.getOrDefault(from, java.util.Set.of()).contains(digest);
        }
        return registry.blobs.containsKey(digest);
    }

    private void patch(HttpExchange ex, String id, Session session, boolean cut) throws IOException {
        String contentRange = ex.getRequestHeaders().getFirst("Content-Range");
        long start = contentRange == null ? session.data.size() : Long.parseLong(contentRange.split("-")[0].trim());
        boolean ignored = profile.ignorePatch() > 0 && patches.incrementAndGet() == profile.ignorePatch();
        if (start != session.data.size()) {
            if (profile.patchStatus() == 201) {
                ignored = true; // ECR drops a PATCH that does not continue where it stands
            } else {
                ex.getRequestBody().readAllBytes();
                ex.sendResponseHeaders(416, -1);
                return;
            }
        }
        byte[] body = read(ex, session, cut, ignored);
        if (!ignored) {
            session.parts.add((long) body.length);
        }
        answer(ex, profile.patchStatus(), id, session);
    }

    private void put(HttpExchange ex, String id, Session session, String digest, boolean cut) throws IOException {
        byte[] body = read(ex, session, cut, false);
        if (body.length > 0) {
            session.parts.add((long) body.length);
        }
        byte[] content;
        synchronized (session) {
            content = session.data.toByteArray();
        }
        List<Long> parts = session.parts;
        for (int i = 0; i + 1 < parts.size(); i++) {
            if (parts.get(i) < profile.minPart()) {
                sessions.remove(id);
                StandInRegistry.error(ex, 400, "SIZE_INVALID", "part " + (i + 1) + " is smaller than " + profile.minPart());
                return;
            }
        }
        sessions.remove(id);
        if (!Digest.sha256(content).toString().equals(digest)) {
            StandInRegistry.error(ex, 400, "DIGEST_INVALID", "provided digest did not match uploaded content");
            return;
        }
        registry.stored(session.repository, digest, content);
        ex.getResponseHeaders().set("Docker-Content-Digest", digest);
        ex.getResponseHeaders().set("Location", "/v2/" + session.repository + "/blobs/" + digest);
        ex.sendResponseHeaders(201, -1);
    }

    /**
     * The request's body, appended to the session unless {@code ignored}. With {@code cut}, only half of
     * it arrives before the connection drops: kept (the session can resume), or the session is spoiled (ACR).
     */
    private byte[] read(HttpExchange ex, Session session, boolean cut, boolean ignored) throws IOException {
        InputStream in = ex.getRequestBody();
        byte[] body;
        if (cut) {
            long length = Long.parseLong(ex.getRequestHeaders().getFirst("Content-Length"));
            body = in.readNBytes((int) (length / 2));
        } else {
            body = in.readAllBytes();
        }
        if (!ignored && !(cut && profile.brokenInvalidates())) {
            synchronized (session) {
                session.data.write(body);
            }
        }
        if (cut) {
            session.spoiled = profile.brokenInvalidates();
            throw new IOException("injected connection reset mid-request");
        }
        return body;
    }

    /** A session answer: Location (relative, absolute, or where the profile keeps sessions), Range, UUID. */
    private void answer(HttpExchange ex, int status, String id, Session session) throws IOException {
        String path = profile.uploadPath(session.repository) + id + "?_state=opaque%2Bstate";
        boolean relative = profile.relativeLocation() || profile.redirectUploads();
        ex.getResponseHeaders().set("Location", relative ? path : "http://" + ex.getRequestHeaders().getFirst("Host") + path);
        long size = session.data.size();
        ex.getResponseHeaders().set("Range", "0-" + (size > 0 ? size - 1 : 0));
        ex.getResponseHeaders().set("Docker-Upload-UUID", id);
        ex.sendResponseHeaders(status, -1);
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
}
