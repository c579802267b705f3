package dev.fita.oci.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

import dev.fita.oci.Digest;

/**
 * The stand-in's manifests, by repository and tag or digest, with the profile's quirks: Docker Hub's
 * used-up pull limit on GETs, distribution-spec 1.1 warnings, Quay's and GitLab's media type refusals,
 * and a proxy's 413 for a large body.
 */
final class StandInManifests {

    private final StandInProfile profile;
    private final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
    private final Map<String, String> manifestTypes = new ConcurrentHashMap<>();

    StandInManifests(StandInProfile profile) {
        this.profile = profile;
    }

    byte[] get(String repository, String reference) {
        return manifests.get(repository + "@" + reference);
    }

    void handle(HttpExchange ex, String method, String repo, String ref, boolean cut) throws IOException {
        String key = repo + "@" + ref;
        for (String w : profile.warnings()) {
            ex.getResponseHeaders().add("Warning", "299 - \"" + w + "\"");
        }
        if (method.equals("PUT")) {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (refuse(ex, body)) {
                return;
            }
            String digest = Digest.sha256(body).toString();
            manifests.put(key, body);
            manifests.put(repo + "@" + digest, body);
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            manifestTypes.put(key, type);
            manifestTypes.put(repo + "@" + digest, type);
            ex.getResponseHeaders().set("Docker-Content-Digest", digest);
            ex.getResponseHeaders().set("Location", "/v2/" + repo + "/manifests/" + digest);
            ex.sendResponseHeaders(201, -1);
            return;
        }
        if (profile.pullLimit() && method.equals("GET")) {
            // Docker Hub counts GETs of manifests (not HEADs) and answers so when none are left.
            ex.getResponseHeaders().set("ratelimit-limit", "100;w=21600");
            ex.getResponseHeaders().set("ratelimit-remaining", "0;w=21600");
            ex.getResponseHeaders().set("docker-ratelimit-source", "192.0.2.7");
            StandInRegistry.error(ex, 429, "TOOMANYREQUESTS", "You have reached your pull rate limit. You may increase the limit"
                    + " by authenticating and upgrading: https://www.docker.com/increase-rate-limit");
            return;
        }
        byte[] m = manifests.get(key);
        if (m == null) {
            StandInRegistry.error(ex, 404, "MANIFEST_UNKNOWN", "manifest unknown");
            return;
        }
        ex.getResponseHeaders().set("Docker-Content-Digest", Digest.sha256(m).toString());
        StandInRegistry.send(ex, 200, manifestTypes.get(key), m, cut);
    }

    /** Quay's and GitLab's media type refusals, and a body limit's 413. */
    private boolean refuse(HttpExchange ex, byte[] body) throws IOException {
        if (profile.maxManifestBytes() > 0 && body.length > profile.maxManifestBytes()) {
            StandInRegistry.send(ex, 413, "text/html", "<html><body><h1>413 Request Entity Too Large</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8), false);
            return true;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        for (String type : profile.refusedTypes()) {
            if (text.contains(type)) {
                byte[] answer = (profile.refusalStatus() == 415
                        ? "{\"errors\":[{\"code\":\"UNSUPPORTED\",\"message\":\"The operation is unsupported.\"}]}"
                        : "{\"errors\":[{\"code\":\"MANIFEST_INVALID\",\"message\":\"manifest invalid\",\"detail\":"
                                + "{\"message\":\"unsupported media type " + type + "\"}}]}")
                        .getBytes(StandardCharsets.UTF_8);
                StandInRegistry.send(ex, profile.refusalStatus(), "application/json", answer, false);
                return true;
            }
        }
        return false;
    }
}
