package dev.fita.oci.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.EmptyContent;
import com.google.api.client.http.InputStreamContent;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.InvalidDigestException;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.registry.RegistryTransport.Call;
import dev.fita.oci.registry.RegistryTransport.Op;
import dev.fita.oci.registry.RegistryTransport.RetryableStatus;

/** One repository on one registry: blob and manifest operations of the OCI distribution API. */
public final class Repository {

    private static final String OCTET_STREAM = "application/octet-stream";
    private static final String ACCEPT = String.join(", ", MediaTypes.MANIFEST_ACCEPT);

    private final RegistryClient client;
    private final RegistryTransport transport;
    private final String registry;
    private final String name;

    Repository(RegistryClient client, String registry, String name) {
        this.client = client;
        this.transport = client.transport();
        this.registry = registry;
        this.name = name;
    }

    public String registry() {
        return registry;
    }

    public String name() {
        return name;
    }

    private Op pull(String action) {
        return new Op(registry, name, action, "pull");
    }

    private Op push(String action) {
        return new Op(registry, name, action, "push");
    }

    private List<String> pullScope() {
        return List.of(RegistryTransport.repositoryScope(name, "pull"));
    }

    private List<String> pushScope() {
        return List.of(RegistryTransport.repositoryScope(name, "pull,push"));
    }

    private String url(Op op, String path) throws IOException, RetryableStatus {
        return transport.base(op) + "/v2/" + name + path;
    }

    // ---------------------------------------------------------------- blobs

    public boolean blobExists(Descriptor d) {
        return blobExists(d, false);
    }

    /** With {@code forPush}, asks with push scope: one token serves the whole push, errors say "push". */
    boolean blobExists(Descriptor d, boolean forPush) {
        Op op = forPush ? push("checking blob " + d.digest()) : pull("checking blob " + d.digest());
        boolean exists = transport.retrying(op, () -> {
            try (HttpExchange r = transport.send(new Call(op, "HEAD", url(op, "/blobs/" + d.digest()), Map.of(), null,
                    forPush ? pushScope() : pullScope(), true))) {
                if (r.status() == 200) {
                    return true;
                }
                if (r.status() == 404) {
                    return false;
                }
                throw failure(op, r);
            }
        });
        if (exists) {
            client.sawBlob(registry, name, d.digest());
        }
        return exists;
    }

    /**
     * Uploads a blob: POST for a session, then one PUT with the content (or PATCH chunks and a closing
     * PUT when it is larger than the client's chunk size). A failed attempt starts a new session.
     */
    public void pushBlob(Descriptor d, BlobSource src) {
        Op op = push("pushing blob " + d.digest());
        transport.retrying(op, () -> {
            String location = startUpload(op, null);
            if (d.size() > client.chunkSize()) {
                location = uploadChunks(op, location, d, src);
                finishUpload(op, location, d, null);
            } else {
                finishUpload(op, location, d, () -> new InputStreamContent(OCTET_STREAM, src.open()).setLength(d.size()));
            }
            return null;
        });
        client.sawBlob(registry, name, d.digest());
    }

    /**
     * Asks the registry to mount the blob from another repository of the same registry. Returns false
     * when the registry declines (it then offers an upload session, which is left to expire).
     */
    public boolean mountBlob(Descriptor d, String fromRepository) {
        Op op = new Op(registry, name, "mounting blob " + d.digest() + " from " + fromRepository, "push");
        List<String> scopes = List.of(RegistryTransport.repositoryScope(name, "pull,push"),
                RegistryTransport.repositoryScope(fromRepository, "pull"));
        boolean mounted = transport.retrying(op, () -> {
            String u = url(op, "/blobs/uploads/?mount=" + RegistryTransport.enc(d.digest().toString())
                    + "&from=" + RegistryTransport.enc(fromRepository));
            try (HttpExchange r = transport.send(new Call(op, "POST", u, Map.of(), EmptyContent::new, scopes, false))) {
                if (r.status() == 201) {
                    return true;
                }
                if (r.status() == 202) {
                    return false;
                }
                throw failure(op, r);
            }
        });
        if (mounted) {
            client.sawBlob(registry, name, d.digest());
        }
        return mounted;
    }

    private String startUpload(Op op, String query) throws IOException, RetryableStatus {
        String u = url(op, "/blobs/uploads/" + (query == null ? "" : query));
        try (HttpExchange r = transport.send(new Call(op, "POST", u, Map.of(), EmptyContent::new, pushScope(), false))) {
            if (r.status() != 202) {
                throw failure(op, r);
            }
            return location(op, r);
        }
    }

    private String location(Op op, HttpExchange r) {
        String location = r.header("Location");
        if (location == null) {
            throw new RegistryResponseException(registry + " answered " + op.action() + " for " + name
                    + " without an upload Location.");
        }
        return java.net.URI.create(r.url()).resolve(location).toString();
    }

    private String uploadChunks(Op op, String location, Descriptor d, BlobSource src) throws IOException, RetryableStatus {
        long chunk = client.chunkSize();
        try (InputStream in = src.open()) {
            long offset = 0;
            while (offset < d.size()) {
                long length = Math.min(chunk, d.size() - offset);
                long start = offset;
                InputStream slice = new BoundedInputStream(in, length);
                Map<String, String> headers = Map.of("Content-Range", start + "-" + (start + length - 1));
                // A chunk stream cannot be re-read: a 401 here fails the attempt and the retry restarts the upload.
                boolean[] used = {false};
                try (HttpExchange r = transport.send(new Call(op, "PATCH", location, headers, () -> {
                    if (used[0]) {
                        throw new IOException("chunk at offset " + start + " cannot be resent");
                    }
                    used[0] = true;
                    return new InputStreamContent(OCTET_STREAM, slice).setLength(length);
                }, pushScope(), false))) {
                    if (r.status() != 202 && r.status() != 204) {
                        throw failure(op, r);
                    }
                    location = location(op, r);
                }
                offset += length;
            }
        }
        return location;
    }

    private void finishUpload(Op op, String location, Descriptor d, RegistryTransport.Body body)
            throws IOException, RetryableStatus {
        String u = location + (location.contains("?") ? "&" : "?") + "digest=" + RegistryTransport.enc(d.digest().toString());
        RegistryTransport.Body content = body != null ? body : () -> new ByteArrayContent(OCTET_STREAM, new byte[0]);
        try (HttpExchange r = transport.send(new Call(op, "PUT", u, Map.of(), content, pushScope(), false))) {
            if (r.status() != 201 && r.status() != 204) {
                throw failure(op, r);
            }
            checkDigestHeader(op, r, d.digest());
        }
    }

    /** Downloads a blob into {@code target}, verifying size and digest; the stream is not closed. */
    public void fetchBlob(Descriptor d, OutputStream target) {
        Op op = pull("fetching blob " + d.digest());
        long[] written = {0};
        transport.retrying(op, () -> {
            if (written[0] > 0) {
                // Part of the blob already went to the caller's stream; a retry would duplicate it.
                throw new RegistryUnreachableException("The download of " + d.digest() + " from " + registry + " for "
                        + name + " broke off after " + written[0] + " bytes.");
            }
            try (HttpExchange r = transport.send(new Call(op, "GET", url(op, "/blobs/" + d.digest()), Map.of(), null,
                    pullScope(), true))) {
                if (r.status() != 200) {
                    throw failure(op, r);
                }
                copyVerified(op, r, d, target, written);
                return null;
            }
        });
    }

    /** Downloads a blob to a file (atomically: via a temporary file that is verified, then moved). */
    public void fetchBlob(Descriptor d, Path target) {
        Op op = pull("fetching blob " + d.digest());
        transport.retrying(op, () -> {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".download-", ".tmp");
            try {
                try (HttpExchange r = transport.send(new Call(op, "GET", url(op, "/blobs/" + d.digest()), Map.of(),
                        null, pullScope(), true)); OutputStream out = Files.newOutputStream(tmp)) {
                    if (r.status() != 200) {
                        throw failure(op, r);
                    }
                    copyVerified(op, r, d, out, new long[1]);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return null;
            } finally {
                Files.deleteIfExists(tmp);
            }
        });
    }

    private void copyVerified(Op op, HttpExchange r, Descriptor d, OutputStream out, long[] written) throws IOException {
        MessageDigest md = Digest.newSha256();
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = r.body()) {
            for (int n; (n = in.read(buf)) != -1; ) {
                total += n;
                if (total > d.size()) {
                    throw new RegistryResponseException(registry + " sent more than the " + d.size()
                            + " bytes of blob " + d.digest() + " for " + name + ".");
                }
                md.update(buf, 0, n);
                out.write(buf, 0, n);
                written[0] = total;
            }
        }
        if (total != d.size()) {
            throw new IOException("blob " + d.digest() + " ended after " + total + " of " + d.size() + " bytes");
        }
        if (d.digest().algorithm().equals("sha256")) {
            Digest actual = Digest.fromSha256(md);
            if (!actual.equals(d.digest())) {
                throw new RegistryResponseException(registry + " sent content for blob " + d.digest() + " of " + name
                        + " that does not match its digest (got " + actual + ").");
            }
        }
    }

    // ---------------------------------------------------------------- manifests

    /** GETs a manifest or index by tag or digest, with the OCI and Docker types in Accept, at most 4 MiB. */
    public ManifestResponse fetchManifest(String referenceOrDigest) {
        Op op = pull("fetching manifest " + referenceOrDigest);
        return transport.retrying(op, () -> {
            try (HttpExchange r = transport.send(new Call(op, "GET", url(op, "/manifests/" + referenceOrDigest),
                    Map.of("Accept", ACCEPT), null, pullScope(), true))) {
                if (r.status() != 200) {
                    throw failure(op, r);
                }
                byte[] bytes = r.readCapped(Json.MAX_DOCUMENT_BYTES);
                if (bytes == null) {
                    throw new SizeLimitException("The manifest " + referenceOrDigest + " of " + name + " on " + registry
                            + " is larger than " + Json.MAX_DOCUMENT_BYTES / (1024 * 1024) + " MiB.");
                }
                Digest digest = Digest.sha256(bytes);
                Digest expected = referenceOrDigest.contains(":") ? Digest.parse(referenceOrDigest) : null;
                if (expected == null) {
                    String header = r.header("Docker-Content-Digest");
                    expected = header != null && header.startsWith("sha256:") ? parseDigest(op, header) : null;
                }
                if (expected != null && !expected.equals(digest)) {
                    throw new RegistryResponseException(registry + " sent manifest " + referenceOrDigest + " of " + name
                            + " with digest " + digest + ", expected " + expected + ".");
                }
                return new ManifestResponse(mediaTypeOf(r.contentType(), bytes), digest, bytes);
            }
        });
    }

    /** HEADs a manifest: its descriptor when present, empty when the registry does not know it. */
    public Optional<Descriptor> headManifest(String ref) {
        Op op = pull("checking manifest " + ref);
        Optional<Descriptor> head = transport.retrying(op, () -> {
            try (HttpExchange r = transport.send(new Call(op, "HEAD", url(op, "/manifests/" + ref),
                    Map.of("Accept", ACCEPT), null, pullScope(), true))) {
                if (r.status() == 404) {
                    return Optional.<Descriptor>empty();
                }
                if (r.status() != 200) {
                    throw failure(op, r);
                }
                String digest = r.header("Docker-Content-Digest");
                if (digest == null || r.contentType() == null || r.contentLength() < 0) {
                    return null;
                }
                return Optional.of(new Descriptor(r.contentType(), parseDigest(op, digest), r.contentLength()));
            }
        });
        // Registries that omit the digest on HEAD: fall back to a GET.
        return head != null ? head : Optional.of(fetchManifest(ref).descriptor());
    }

    /** PUTs a manifest or index by tag or digest; returns the digest, checked against the registry's. */
    public Digest putManifest(String referenceOrDigest, String mediaType, byte[] bytes) {
        Op op = push("pushing manifest " + referenceOrDigest);
        if (bytes.length > Json.MAX_DOCUMENT_BYTES) {
            throw new SizeLimitException("The manifest " + referenceOrDigest + " for " + name + " on " + registry
                    + " is " + bytes.length + " bytes, more than the " + Json.MAX_DOCUMENT_BYTES / (1024 * 1024)
                    + " MiB registries accept.");
        }
        Digest digest = Digest.sha256(bytes);
        transport.retrying(op, () -> {
            try (HttpExchange r = transport.send(new Call(op, "PUT", url(op, "/manifests/" + referenceOrDigest),
                    Map.of(), () -> new ByteArrayContent(mediaType, bytes), pushScope(), false))) {
                if (r.status() != 201 && r.status() != 200 && r.status() != 204) {
                    throw failure(op, r);
                }
                checkDigestHeader(op, r, digest);
                return null;
            }
        });
        return digest;
    }

    // ---------------------------------------------------------------- errors

    private void checkDigestHeader(Op op, HttpExchange r, Digest expected) {
        String header = r.header("Docker-Content-Digest");
        if (header != null && !header.isBlank() && header.startsWith(expected.algorithm() + ":")
                && !parseDigest(op, header).equals(expected)) {
            throw new RegistryResponseException(registry + " stored " + header + " for " + name + " (" + op.action()
                    + "), but the content sent has digest " + expected + ".");
        }
    }

    private Digest parseDigest(Op op, String value) {
        try {
            return Digest.parse(value.trim());
        } catch (InvalidDigestException e) {
            throw new RegistryResponseException(registry + " answered " + op.action() + " for " + name
                    + " with an invalid Docker-Content-Digest '" + value + "'.");
        }
    }

    /** Turns an unexpected answer into a typed exception, or a {@link RetryableStatus} for the retry loop. */
    private RuntimeException failure(Op op, HttpExchange r) throws RetryableStatus {
        int status = r.status();
        String error = transport.scrub(registry, RegistryErrors.describe(r));
        if (RegistryTransport.isRetryable(status)) {
            throw new RetryableStatus(status + " (" + error + ")", r.retryAfter());
        }
        if (status == 401 || status == 403) {
            return transport.authFailure(op, transport.hasCredentials(registry), error);
        }
        if (status == 404) {
            return new NotFoundException(registry + " has no such content in " + name + " (" + op.action() + "): "
                    + error);
        }
        return new RegistryResponseException(registry + " answered " + status + " for " + name + " (" + op.action()
                + "): " + error);
    }

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

    /** Reads at most {@code remaining} bytes of the wrapped stream and never closes it. */
    private static final class BoundedInputStream extends FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // the caller closes the underlying stream once all chunks are sent
        }
    }
}
