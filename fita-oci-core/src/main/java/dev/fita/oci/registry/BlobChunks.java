package dev.fita.oci.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.google.api.client.http.InputStreamContent;

import dev.fita.oci.content.BlobSource;

/**
 * The bodies of one blob's chunks, read from one stream of the source: each chunk reads on where the
 * last one stopped (a blob is read once), and only a resume elsewhere opens the source again. A chunk
 * body cannot be sent twice: a 401 or a redirect that needs it again breaks the PATCH, and the upload
 * then asks the registry where it stands.
 */
final class BlobChunks implements AutoCloseable {

    private final BlobSource source;
    private InputStream stream;
    private long streamAt;

    BlobChunks(BlobSource source) {
        this.source = source;
    }

    /** The body for {@code length} bytes from {@code offset}. */
    Request.Body body(long offset, long length) {
        boolean[] used = {false};
        return () -> {
            if (used[0]) {
                throw new IOException("the chunk at byte " + offset + " cannot be sent twice");
            }
            used[0] = true;
            if (stream == null || streamAt != offset) {
                close();
                stream = source.open();
                stream.skipNBytes(offset);
            }
            streamAt = offset + length;
            return new InputStreamContent(UploadSession.OCTET_STREAM, new Bounded(stream, length)).setLength(length);
        };
    }

    /** Forgets the stream (after a break it stands at an unknown byte). */
    @Override
    public void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // a source that cannot close is no reason to fail the upload
            }
            stream = null;
        }
    }

    /** Reads at most {@code remaining} bytes of the wrapped stream and never closes it (the next chunk reads on). */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long limit) {
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
            // BlobChunks closes the underlying stream
        }
    }
}
