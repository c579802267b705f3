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
 * One upload session of one blob and its requests: the POST that opens it, PATCH chunks and the closing
 * PUT, and the GET that asks how much of it the registry holds. A request that breaks off throws
 * {@link Broken} (the registry may hold part of it); a session that cannot go on throws {@link Restart}.
 * What to do about either is {@link BlobUpload}'s decision.
 */
final class UploadSession implements AutoCloseable {

    static final String OCTET_STREAM = "application/octet-stream";

    /** A PATCH or PUT got no usable answer: a retryable status or an I/O error. */
    static final class Broken extends Exception {
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
    static final class Restart extends Exception {
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
    private final BlobChunks chunks;
    private String location;
    /** The registry's {@code OCI-Chunk-Min-Length}, 0 when it sent none. */
    private long minChunk;
    /** The content went up in more than one piece: a digest the registry refuses may be the pieces' fault. */
    private boolean resumed;
    /** A registry ignored chunks: later sessions send the blob in one PUT. */
    private boolean wholeOnly;
    private int stalls;

    UploadSession(RepositoryEndpoint endpoint, Operation op, Retrier.Streak streak, Descriptor blob, BlobSource source,
            long chunkSize) {
        this.endpoint = endpoint;
        this.transport = endpoint.transport();
        this.op = op;
        this.streak = streak;
        this.blob = blob;
        this.source = source;
        this.chunkSize = chunkSize;
        this.chunks = new BlobChunks(source);
    }

    /** Continues in a session the registry offered (a declined mount's). */
    void join(String offeredLocation) {
        location = offeredLocation;
    }

    /** The registry holds the first {@code offset} bytes: the next {@link #send} goes on from there. */
    void resumeAt(long offset) {
        resumed |= offset > 0;
    }

    /** Sends the blob from {@code offset}: one PUT, or PATCH chunks and a closing PUT above the chunk size. */
    void send(long offset) throws Broken, Restart {
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

    /** Opens a new session: POST, retried. Remembers the registry's minimum chunk length. */
    void open() {
        resumed = false;
        location = transport.retrier().run(streak, () -> {
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

    /** GET on the session, retried: how many bytes the registry holds, or empty when it cannot tell. */
    OptionalLong position() {
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

    /** After a broken request: the chunk stream is dropped and the retry budget waits (or ends the operation). */
    void pause(Broken broken) {
        chunks.close();
        if (broken.status != null) {
            streak.pause(broken.status);
        } else {
            streak.pause(broken.error);
        }
    }

    @Override
    public void close() {
        chunks.close();
    }
}
