package dev.fita.oci.registry;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.api.client.http.EmptyContent;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.content.BlobSource;

/**
 * The blobs endpoint of one repository ({@code /v2/<name>/blobs/…}): HEAD, a verified and resuming
 * download, uploads ({@link BlobUpload}: one PUT, or PATCH chunks above the chunk size, resumed where
 * the registry stands) and cross-repository mounts. A mount the registry declines offers an upload
 * session (Distribution and Harbor answer 202 with its Location); the blob's upload continues there
 * instead of opening a second one.
 */
public final class BlobStore {

    private final RepositoryEndpoint endpoint;
    private final Transport transport;
    private final long chunkSize;
    /** Upload sessions declined mounts offered, by blob digest, until the blob's upload takes one. */
    private final Map<Digest, String> offered = new ConcurrentHashMap<>();

    BlobStore(RepositoryEndpoint endpoint, long chunkSize) {
        this.endpoint = endpoint;
        this.transport = endpoint.transport();
        this.chunkSize = chunkSize;
    }

    private String url(Operation op, String path) throws java.io.IOException, RetryableStatus {
        return endpoint.url(op, path);
    }

    public boolean exists(Descriptor d) {
        Operation op = endpoint.reading("checking blob " + d.digest());
        return transport.retrying(op, () -> head(endpoint, op, d.digest()));
    }

    /** One HEAD of a blob: present (200) or not (404); any other answer is the registry's error. */
    static boolean head(RepositoryEndpoint endpoint, Operation op, Digest digest) throws java.io.IOException,
            RetryableStatus {
        Transport transport = endpoint.transport();
        try (HttpExchange r = transport.send(Request.of(op, "HEAD", endpoint.url(op, "/blobs/" + digest), Map.of(),
                null))) {
            if (r.status() == 200) {
                return true;
            }
            if (r.status() == 404) {
                return false;
            }
            throw transport.responses().unexpected(op, r);
        }
    }

    /** The blob's content, verified against {@code d} as it is read; the caller closes it. */
    public InputStream open(Descriptor d) {
        Operation op = endpoint.reading("fetching blob " + d.digest());
        String url = transport.retrying(op, () -> url(op, "/blobs/" + d.digest()));
        return new BlobDownload(transport, op, url, d);
    }

    /**
     * Uploads a blob: in the session a declined mount offered for it, or a new one; then one PUT with the
     * content (or PATCH chunks and a closing PUT when it is larger than the chunk size), resumed or
     * restarted as {@link BlobUpload} says when a request breaks off.
     */
    public void upload(Descriptor d, BlobSource src) {
        Operation op = endpoint.writing("pushing blob " + d.digest());
        new BlobUpload(endpoint, op, d, src, chunkSize).run(offered.remove(d.digest()));
    }

    /**
     * Asks the registry to mount the blob from another repository of the same registry (one token for
     * both repositories). Returns false when the registry declines; the upload session it then offers
     * is kept for the blob's upload.
     */
    public boolean mount(Descriptor d, String fromRepository) {
        Operation op = endpoint.writing("mounting blob " + d.digest() + " from " + fromRepository);
        List<String> scopes = List.of(op.scope(), Operation.scope(fromRepository, "pull"));
        return transport.retrying(op, () -> {
            String u = url(op, "/blobs/uploads/?mount=" + TokenService.enc(d.digest().toString())
                    + "&from=" + TokenService.enc(fromRepository));
            try (HttpExchange r = transport.send(new Request(op, "POST", u, Map.of(), EmptyContent::new, scopes))) {
                if (r.status() == 201) {
                    return true;
                }
                if (r.status() == 202) {
                    if (r.header("Location") != null) {
                        offered.put(d.digest(), location(op, r));
                    }
                    return false;
                }
                throw transport.responses().unexpected(op, r);
            }
        });
    }

    /**
     * The answer's upload {@code Location}, resolved against the URL that answered: relative ones (GHCR),
     * ones outside {@code /v2/} (Google Artifact Registry's {@code /artifacts-uploads/}) and ones after a
     * redirect (against the host redirected to) all come out absolute.
     */
    static String location(Operation op, HttpExchange r) {
        String location = r.header("Location");
        if (location == null || location.isBlank()) {
            throw new RegistryResponseException(op.registry() + " answered " + op.action() + " for " + op.repository()
                    + " without an upload Location.");
        }
        return URI.create(r.url()).resolve(location.trim()).toString();
    }
}
