package dev.fita.oci.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.EmptyContent;
import com.google.api.client.http.InputStreamContent;

import dev.fita.oci.Descriptor;
import dev.fita.oci.content.BlobSource;

/**
 * The blobs endpoint of one repository ({@code /v2/<name>/blobs/…}): HEAD, a verified and resuming
 * download, uploads (one PUT, or PATCH chunks above the chunk size) and cross-repository mounts.
 */
public final class BlobStore {

    private static final String OCTET_STREAM = "application/octet-stream";

    private final RepositoryEndpoint endpoint;
    private final Transport transport;
    private final long chunkSize;

    BlobStore(RepositoryEndpoint endpoint, long chunkSize) {
        this.endpoint = endpoint;
        this.transport = endpoint.transport();
        this.chunkSize = chunkSize;
    }

    private String url(Operation op, String path) throws IOException, RetryableStatus {
        return endpoint.url(op, path);
    }

    public boolean exists(Descriptor d) {
        Operation op = endpoint.reading("checking blob " + d.digest());
        return transport.retrying(op, () -> {
            try (HttpExchange r = transport.send(Request.of(op, "HEAD", url(op, "/blobs/" + d.digest()), Map.of(), null))) {
                if (r.status() == 200) {
                    return true;
                }
                if (r.status() == 404) {
                    return false;
                }
                throw transport.responses().unexpected(op, r);
            }
        });
    }

    /** The blob's content, verified against {@code d} as it is read; the caller closes it. */
    public InputStream open(Descriptor d) {
        Operation op = endpoint.reading("fetching blob " + d.digest());
        String url = transport.retrying(op, () -> url(op, "/blobs/" + d.digest()));
        return new BlobDownload(transport, op, url, d);
    }

    /**
     * Uploads a blob: POST for a session, then one PUT with the content (or PATCH chunks and a closing
     * PUT when it is larger than the chunk size). A failed attempt starts a new session.
     */
    public void upload(Descriptor d, BlobSource src) {
        Operation op = endpoint.writing("pushing blob " + d.digest());
        transport.retrying(op, () -> {
            String location = startUpload(op);
            if (d.size() > chunkSize) {
                location = uploadChunks(op, location, d, src);
                finishUpload(op, location, d, () -> new ByteArrayContent(OCTET_STREAM, new byte[0]));
            } else {
                finishUpload(op, location, d, () -> new InputStreamContent(OCTET_STREAM, src.open()).setLength(d.size()));
            }
            return null;
        });
    }

    /**
     * Asks the registry to mount the blob from another repository of the same registry. Returns false
     * when the registry declines (it then offers an upload session, which is left to expire).
     */
    public boolean mount(Descriptor d, String fromRepository) {
        Operation op = endpoint.writing("mounting blob " + d.digest() + " from " + fromRepository);
        List<String> scopes = List.of(op.scope(), Operation.scope(fromRepository, "pull"));
        return transport.retrying(op, () -> {
            String u = url(op, "/blobs/uploads/?mount=" + TokenService.enc(d.digest().toString())
                    + "&from=" + TokenService.enc(fromRepository));
            try (HttpExchange r = transport.send(new Request(op, "POST", u, Map.of(), EmptyContent::new, scopes, false))) {
                if (r.status() == 201) {
                    return true;
                }
                if (r.status() == 202) {
                    return false;
                }
                throw transport.responses().unexpected(op, r);
            }
        });
    }

    private String startUpload(Operation op) throws IOException, RetryableStatus {
        try (HttpExchange r = transport.send(Request.of(op, "POST", url(op, "/blobs/uploads/"), Map.of(),
                EmptyContent::new))) {
            if (r.status() != 202) {
                throw transport.responses().unexpected(op, r);
            }
            return location(op, r);
        }
    }

    private static String location(Operation op, HttpExchange r) {
        String location = r.header("Location");
        if (location == null) {
            throw new RegistryResponseException(op.registry() + " answered " + op.action() + " for " + op.repository()
                    + " without an upload Location.");
        }
        return java.net.URI.create(r.url()).resolve(location).toString();
    }

    private String uploadChunks(Operation op, String location, Descriptor d, BlobSource src)
            throws IOException, RetryableStatus {
        try (InputStream in = src.open()) {
            long offset = 0;
            while (offset < d.size()) {
                long length = Math.min(chunkSize, d.size() - offset);
                long start = offset;
                InputStream slice = new BoundedInputStream(in, length);
                Map<String, String> headers = Map.of("Content-Range", start + "-" + (start + length - 1));
                // A chunk stream cannot be re-read: a 401 here fails the attempt and the retry restarts the upload.
                boolean[] used = {false};
                try (HttpExchange r = transport.send(Request.of(op, "PATCH", location, headers, () -> {
                    if (used[0]) {
                        throw new IOException("chunk at offset " + start + " cannot be resent");
                    }
                    used[0] = true;
                    return new InputStreamContent(OCTET_STREAM, slice).setLength(length);
                }))) {
                    if (r.status() != 202 && r.status() != 204) {
                        throw transport.responses().unexpected(op, r);
                    }
                    location = location(op, r);
                }
                offset += length;
            }
        }
        return location;
    }

    private void finishUpload(Operation op, String location, Descriptor d, Request.Body body)
            throws IOException, RetryableStatus {
        String u = location + (location.contains("?") ? "&" : "?") + "digest=" + TokenService.enc(d.digest().toString());
        try (HttpExchange r = transport.send(Request.of(op, "PUT", u, Map.of(), body))) {
            if (r.status() != 201 && r.status() != 204) {
                throw transport.responses().unexpected(op, r);
            }
            ManifestStore.checkDigestHeader(op, r, d.digest());
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
