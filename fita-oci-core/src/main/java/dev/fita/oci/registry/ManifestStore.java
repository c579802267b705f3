package dev.fita.oci.registry;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import com.google.api.client.http.ByteArrayContent;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.InvalidDigestException;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;

/**
 * The manifests endpoint of one repository ({@code /v2/<name>/manifests/<reference>}): GET, HEAD and
 * PUT of manifests and indexes by tag or digest, at most {@link Json#MAX_DOCUMENT_BYTES}, each checked
 * against the digest asked for or the one the registry names.
 */
public final class ManifestStore {

    private static final String ACCEPT = String.join(", ", MediaTypes.MANIFEST_ACCEPT);

    private final RepositoryEndpoint endpoint;
    private final Transport transport;
    private final String registry;
    private final String repository;

    ManifestStore(RepositoryEndpoint endpoint) {
        this.endpoint = endpoint;
        this.transport = endpoint.transport();
        this.registry = endpoint.registry();
        this.repository = endpoint.repository();
    }

    private String url(Operation op, String reference) throws IOException, RetryableStatus {
        return endpoint.url(op, "/manifests/" + reference);
    }

    /** GETs a manifest or index by tag or digest, with the OCI and Docker types in {@code Accept}. */
    public ManifestResponse fetch(String reference) {
        Operation op = endpoint.reading("fetching manifest " + reference);
        return transport.retrying(op, () -> {
            try (HttpExchange r = transport.send(Request.of(op, "GET", url(op, reference), Map.of("Accept", ACCEPT), null))) {
                if (r.status() != 200) {
                    throw transport.responses().unexpected(op, r);
                }
                byte[] bytes = r.readCapped(Json.MAX_DOCUMENT_BYTES);
                if (bytes == null) {
                    throw new SizeLimitException("The manifest " + reference + " of " + repository + " on " + registry
                            + " is larger than " + Json.MAX_DOCUMENT_BYTES / (1024 * 1024) + " MiB.");
                }
                Digest expected = asDigest(reference);
                if (expected == null) {
                    String header = r.header("Docker-Content-Digest");
                    expected = header == null || header.isBlank() ? null : parseDigest(op, header);
                }
                Digest actual = Digest.of(expected == null ? "sha256" : expected.algorithm(), bytes);
                if (expected != null && !expected.equals(actual)) {
                    throw new RegistryResponseException(registry + " sent manifest " + reference + " of " + repository
                            + " with digest " + actual + ", expected " + expected + ".");
                }
                // A tag's manifest is known by its sha256, whatever the registry hashed it with.
                Digest digest = asDigest(reference) != null ? actual : Digest.sha256(bytes);
                return new ManifestResponse(mediaTypeOf(r.contentType(), bytes), digest, bytes);
            }
        });
    }

    /** HEADs a manifest: its descriptor when present, empty when the registry does not know it. */
    public Optional<Descriptor> head(String reference) {
        Operation op = endpoint.reading("checking manifest " + reference);
        Optional<Descriptor> head = transport.retrying(op, () -> {
            try (HttpExchange r = transport.send(Request.of(op, "HEAD", url(op, reference), Map.of("Accept", ACCEPT), null))) {
                if (r.status() == 404) {
                    return Optional.<Descriptor>empty();
                }
                if (r.status() != 200) {
                    throw transport.responses().unexpected(op, r);
                }
                String digest = r.header("Docker-Content-Digest");
                if (digest == null || r.contentType() == null || r.contentLength() < 0) {
                    return null;
                }
                return Optional.of(new Descriptor(r.contentType(), parseDigest(op, digest), r.contentLength()));
            }
        });
        // Registries that omit the digest on HEAD: fall back to a GET.
        return head != null ? head : Optional.of(fetch(reference).descriptor());
    }

    /**
     * PUTs a manifest or index by tag or digest; returns its digest (sha256, or the algorithm of the
     * digest it is put under), checked against the one the registry reports.
     */
    public Digest put(String reference, String mediaType, byte[] bytes) {
        Operation op = endpoint.writing("pushing manifest " + reference);
        if (bytes.length > Json.MAX_DOCUMENT_BYTES) {
            throw new SizeLimitException("The manifest " + reference + " for " + repository + " on " + registry
                    + " is " + bytes.length + " bytes, more than the " + Json.MAX_DOCUMENT_BYTES / (1024 * 1024)
                    + " MiB registries accept.");
        }
        Digest asked = asDigest(reference);
        Digest digest = Digest.of(asked == null ? "sha256" : asked.algorithm(), bytes);
        if (asked != null && !asked.equals(digest)) {
            throw new InvalidDigestException("the manifest put as " + asked + " has digest " + digest);
        }
        transport.retrying(op, () -> {
            try (HttpExchange r = transport.send(Request.of(op, "PUT", url(op, reference), Map.of(),
                    () -> new ByteArrayContent(mediaType, bytes)))) {
                if (r.status() != 201 && r.status() != 200 && r.status() != 204) {
                    throw ManifestRefusal.explain(op, transport.responses().unexpected(op, r), mediaType, bytes);
                }
                checkDigestHeader(op, r, digest);
                return null;
            }
        });
        return digest;
    }

    /** A registry that stored other bytes than it was sent must not go unnoticed. */
    static void checkDigestHeader(Operation op, HttpExchange r, Digest expected) {
        String header = r.header("Docker-Content-Digest");
        if (header != null && !header.isBlank() && header.startsWith(expected.algorithm() + ":")
                && !parseDigest(op, header).equals(expected)) {
            throw new RegistryResponseException(op.registry() + " stored " + header + " for " + op.repository() + " ("
                    + op.action() + "), but the content sent has digest " + expected + ".");
        }
    }

    static Digest parseDigest(Operation op, String value) {
        try {
            return Digest.parse(value.trim());
        } catch (InvalidDigestException e) {
            throw new RegistryResponseException(op.registry() + " answered " + op.action() + " for " + op.repository()
                    + " with an invalid Docker-Content-Digest '" + value + "'.");
        }
    }

    private static Digest asDigest(String reference) {
        return reference.contains(":") ? Digest.parse(reference) : null;
    }

    /** The answer's content type, or the document's own mediaType when a registry says only "application/json". */
    private static String mediaTypeOf(String contentType, byte[] bytes) {
        if (contentType != null && !contentType.isBlank() && !contentType.equals("application/json")
                && !contentType.equals("text/plain")) {
            return contentType;
        }
        try {
            String fromBody = Json.mapper().readTree(bytes).path("mediaType").asText("");
            return fromBody.isEmpty() ? contentType : fromBody;
        } catch (IOException e) {
            return contentType;
        }
    }
}
