package dev.fita.oci.append;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.fita.oci.Blob;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.registry.BlobSource;
import dev.fita.oci.registry.ContentSource;
import dev.fita.oci.registry.ManifestResponse;
import dev.fita.oci.registry.RegistryResponseException;
import dev.fita.oci.registry.Repository;

/**
 * What {@link dev.fita.oci.registry.LayoutPusher} pushes during an append: the documents made here
 * (the new index, the embServe blobs) from memory, everything else from the source repository.
 * Source blobs are streamed through a pipe as the upload reads them, so no image is held in memory
 * or on disk; {@link #close()} ends any download an upload abandoned.
 */
final class CopySource implements ContentSource, AutoCloseable {

    /** Enough to keep the download and the upload busy without holding much of a layer. */
    private static final int PIPE_BYTES = 256 * 1024;

    private final Repository source;
    private final Map<Digest, Blob> local = new ConcurrentHashMap<>();
    private final List<InputStream> opened = new ArrayList<>();

    CopySource(Repository source, List<Blob> localBlobs) {
        this.source = source;
        for (Blob blob : localBlobs) {
            local.put(blob.descriptor().digest(), blob);
        }
    }

    @Override
    public byte[] readManifest(Descriptor d) {
        Blob blob = local.get(d.digest());
        if (blob != null) {
            return blob.bytes();
        }
        ManifestResponse m = source.fetchManifest(d.digest().toString());
        if (m.bytes().length != d.size()) {
            throw new RegistryResponseException(source.registry() + " sent " + m.bytes().length + " bytes for manifest "
                    + d.digest() + " of " + source.name() + ", but its index entry says " + d.size() + ".");
        }
        return m.bytes();
    }

    @Override
    public BlobSource blob(Descriptor d) {
        Blob blob = local.get(d.digest());
        if (blob != null) {
            return BlobSource.of(blob.bytes());
        }
        return () -> stream(d);
    }

    /** A fresh download of {@code d}, fed to the returned stream by a daemon thread. */
    private InputStream stream(Descriptor d) throws IOException {
        PipedInputStream in = new PipedInputStream(PIPE_BYTES);
        PipedOutputStream out = new PipedOutputStream(in);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread download = new Thread(() -> {
            try {
                source.fetchBlob(d, out);
            } catch (RuntimeException e) {
                // Recorded before the pipe closes, so the reader sees it at the end of the stream.
                failure.set(e);
            } finally {
                closeQuietly(out);
            }
        }, "fita-append-download");
        download.setDaemon(true);
        InputStream stream = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return checked(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return checked(super.read(b, off, len));
            }

            @Override
            public void close() throws IOException {
                super.close();
                synchronized (opened) {
                    opened.remove(this);
                }
            }

            /** At the end of the pipe, a failed download surfaces as its own typed error, not as a short upload. */
            private int checked(int n) {
                RuntimeException e = failure.get();
                if (n == -1 && e != null) {
                    throw e;
                }
                return n;
            }
        };
        synchronized (opened) {
            opened.add(stream);
        }
        download.start();
        return stream;
    }

    /** Closes every pipe still open, so download threads an upload left behind stop at their next write. */
    @Override
    public void close() {
        List<InputStream> open;
        synchronized (opened) {
            open = new ArrayList<>(opened);
        }
        open.forEach(CopySource::closeQuietly);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // a pipe that cannot be closed is already broken, which is all closing wants
        }
    }
}
