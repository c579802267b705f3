package dev.fita.oci.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.google.api.client.http.EmptyContent;
import com.google.api.client.http.InputStreamContent;

import dev.fita.oci.Descriptor;
import dev.fita.oci.content.BlobSource;

/**
 * One blob's upload: a session (a POST, or the one a declined mount offered), then one PUT with the
 * content, or PATCH chunks and a closing PUT when the blob is larger than the chunk size. The POST, and
 * the HEAD and GET that find out where the upload stands, are retried per request. A PATCH or PUT that
 * breaks off is not sent blindly again (the registry may hold part of it): the registry is asked whether
 * the blob arrived (HEAD) and how much of the session it holds (GET on the session, its {@code Range}),
 * and the upload goes on from there. A registry that cannot resume (ACR answers BLOB_UPLOAD_INVALID;
 * Distribution too, once a session moved on) gets the blob again in a new session. Failures in a row
 * count against the retry budget; a chunk that arrives starts the count again.
 */
final class BlobUpload {

    /** New sessions for one blob before giving up: each one means the registry lost or spoiled the last. */
    static final int MAX_RESTARTS = 3;

    /**
     * Breaks at the same byte before giving up. The retry budget counts failures in a row, and the
     * questions between two breaks (HEAD, GET) succeed: this bounds a registry that answers everything
     * but the upload itself.
     */
    static final int MAX_BREAKS = 10;

    static final String OCTET_STREAM = "application/octet-stream";

    /** A PATCH or PUT got no usable answer: a retryable status or an I/O error. */
    private static final class Broken extends Exception {
        final transient RetryableStatus status;
        final IOException error;
        /** The byte the broken request started at. */
        final long at;

        Broken(RetryableStatus status, long at) {
            super(null, null, false, false);
            this.status = status;
            this.error = null;
            this.at = at;
        }

        Broken(IOException error, long at) {
            super(null, null, false, false);
            this.status = null;
            this.error = error;
            this.at = at;
        }
    }

    /** The session cannot go on (the registry lost it, refused it, or holds other bytes than were sent). */
    private static final class Restart extends Exception {
        Restart(String reason) {
            super(reason, null, false, false);
        }
    }

    private final RepositoryEndpoint endpoint;
    private final Transport transport;
    private final Operation op;
    private final Retrier.Streak streak;
    private final Descriptor blob;
    private final BlobSource source;
    private final long chunkSize;
    private String location;
    /** The registry's {@code OCI-Chunk-Min-Length}, 0 when it sent none. */
    private long minChunk;
    /** The content went up in more than one piece: a digest the registry refuses may be the pieces' fault. */
    private boolean resumed;
    /** A registry ignored chunks: the next session sends the blob in one PUT. */
    private boolean wholeOnly;
    private int stalls;
    private final BlobChunks chunks;

    BlobUpload(RepositoryEndpoint endpoint, Operation op, Descriptor blob, BlobSource source, long chunkSize) {
        this.endpoint = endpoint;
        this.transport = endpoint.transport();
        this.op = op;
        this.streak = transport.retrier().streak(op);
        this.blob = blob;
        this.source = source;
        this.chunkSize = chunkSize;
        this.chunks = new BlobChunks(source);
    }

    /** Uploads the blob, in the session {@code offered} if not null (a declined mount's), else in a new one. */
    void run(String offered) {
        try {
            location = offered != null ? offered : open();
            long offset = 0;
            int restarts = 0;
            int breaks = 0;
            long brokenAt = -1;
            while (true) {
                String reason;
                try {
                    send(offset);
                    return;
                } catch (Broken broken) {
                    pause(broken);
                    breaks = broken.at == brokenAt ? breaks + 1 : 1;
                    brokenAt = broken.at;
                    if (breaks > MAX_BREAKS) {
                        throw new RegistryResponseException(op.registry() + " broke off " + op.action() + " for "
                                + op.repository() + " " + breaks + " times at byte " + brokenAt + "; gave up.");
                    }
                    if (arrived()) {
                        return;
                    }
                    OptionalLong at = position();
                    if (at.isPresent() && at.getAsLong() <= blob.size()) {
                        offset = at.getAsLong();
                        resumed |= offset > 0;
                        debug("resuming blob " + blob.digest() + " at byte " + offset + " of " + blob.size());
                        continue;
                    }
                    reason = "the registry no longer has the upload session";
                } catch (Restart restart) {
                    if (arrived()) {
                        return;
                    }
                    reason = restart.getMessage();
                }
                if (++restarts > MAX_RESTARTS) {
                    throw new RegistryResponseException(op.registry() + " lost the upload session of " + op.repository()
                            + " (" + op.action() + ") " + restarts + " times; the last time " + reason + ".");
                }
                debug("restarting blob " + blob.digest() + " in a new session: " + reason);
                location = open();
                offset = 0;
                resumed = false;
            }
        } finally {
            chunks.close();
        }
    }

    private void send(long offset) throws Broken, Restart {
        if (blob.size() > chunkSize && !wholeOnly) {
            long part = Math.max(chunkSize, minChunk);
            while (offset < blob.size()) {
                offset = patch(offset, Math.min(part, blob.size() - offset));
            }
            put(blob.size());
        } else {
            put(offset);
        }
    }

    /** Opens a session: POST, retried. Remembers the registry's minimum chunk length. */
    private String open() {
        return transport.retrier().run(streak, () -> {
            try (HttpExchange r = transport.send(Request.of(op, "POST", endpoint.url(op, "/blobs/uploads/"), Map.of(),
                    EmptyContent::new))) {
                if (r.status() != 202) {
                    throw transport.responses().unexpected(op, r);
                }
                minChunk = r.longHeader("OCI-Chunk-Min-Length");
                return BlobStore.location(op, r);
            }
        });
    }

    /** Sends {@code length} bytes from {@code offset}; returns the offset the registry then stands at. */
    private long patch(long offset, long length) throws Broken, Restart {
        long end = offset + length;
        Request.Body body = chunks.body(offset, length);
        Map<String, String> headers = Map.of("Content-Range", offset + "-" + (end - 1));
        try (HttpExchange r = transport.send(Request.of(op, "PATCH", location, headers, body))) {
            int s = r.status();
            // ECR answers 201 where the spec says 202.
            if (s == 202 || s == 201 || s == 204) {
                if (r.header("Location") != null) {
                    location = BlobStore.location(op, r);
                }
                long at = HttpExchange.rangeEnd(r.header("Range"), end);
                if (at > end) {
                    throw new Restart("the registry holds " + at + " bytes after a chunk ending at " + end);
                }
                if (at <= offset) {
                    // ECR silently ignores a PATCH that does not continue where it stands.
                    if (++stalls >= 2) {
                        wholeOnly = true;
                        throw new Restart("the registry ignored two chunks in a row");
                    }
                    return at;
                }
                stalls = 0;
                streak.succeeded();
                resumed |= at < end;
                return at;
            }
            throw refusal(r, offset);
        } catch (IOException e) {
            chunks.close();
            throw new Broken(e, offset);
        } catch (RetryableStatus e) {
            throw new Broken(e, offset);
        }
    }

    /** Closes the session with the blob's digest, sending the content from {@code offset} (none after chunks). */
    private void put(long offset) throws Broken, Restart {
        String url = location + (location.contains("?") ? "&" : "?") + "digest="
                + TokenService.enc(blob.digest().toString());
        long length = blob.size() - offset;
        Request.Body body = length == 0 ? EmptyContent::new : () -> {
            InputStream in = source.open();
            in.skipNBytes(offset);
            return new InputStreamContent(OCTET_STREAM, in).setLength(length);
        };
        try (HttpExchange r = transport.send(Request.of(op, "PUT", url, Map.of(), body))) {
            if (r.status() == 201 || r.status() == 204 || r.status() == 200) {
                ManifestStore.checkDigestHeader(op, r, blob.digest());
                return;
            }
            throw refusal(r, offset);
        } catch (IOException e) {
            throw new Broken(e, offset);
        } catch (RetryableStatus e) {
            throw new Broken(e, offset);
        }
    }

    /** A PATCH's or PUT's failure: retryable (Broken), the session is gone or spoiled (Restart), or final. */
    private RuntimeException refusal(HttpExchange r, long offset) throws Broken, Restart {
        RegistryException error;
        try {
            error = (RegistryException) transport.responses().unexpected(op, r);
        } catch (RetryableStatus e) {
            throw new Broken(e, offset);
        }
        List<ErrorCode> codes = error.codes();
        String answer = error.response().map(ErrorResponse::describe).orElse(Integer.toString(r.status()));
        if (r.status() == 416 || codes.contains(ErrorCode.BLOB_UPLOAD_INVALID)
                || codes.contains(ErrorCode.BLOB_UPLOAD_UNKNOWN) || (r.status() == 404 && codes.isEmpty())) {
            throw new Restart("it answered " + answer);
        }
        if (resumed && codes.contains(ErrorCode.DIGEST_INVALID)) {
            throw new Restart("the pieces it received do not add up to the blob (" + answer + ")");
        }
        return error;
    }

    /** HEAD on the blob, retried: an upload whose answer was lost may have arrived. */
    private boolean arrived() {
        return transport.retrier().run(streak, () -> {
            try (HttpExchange r = transport.send(Request.of(op, "HEAD", endpoint.url(op, "/blobs/" + blob.digest()),
                    Map.of(), null))) {
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

    /** GET on the session, retried: how many bytes the registry holds, or empty when it cannot tell. */
    private OptionalLong position() {
        return transport.retrier().run(streak, () -> {
            try (HttpExchange r = transport.send(Request.of(op, "GET", location, Map.of(), null))) {
                if (r.status() == 204 || r.status() == 202 || r.status() == 200) {
                    if (r.header("Location") != null) {
                        location = BlobStore.location(op, r);
                    }
                    return OptionalLong.of(HttpExchange.rangeEnd(r.header("Range"), 0));
                }
                if (Responses.isRetryable(r.status())) {
                    throw transport.responses().unexpected(op, r);
                }
                return OptionalLong.empty();
            }
        });
    }

    private void pause(Broken broken) {
        chunks.close();
        if (broken.status != null) {
            streak.pause(broken.status);
        } else {
            streak.pause(broken.error);
        }
    }

    private void debug(String line) {
        transport.retrier().debug(op.where() + ": " + line);
    }
}
