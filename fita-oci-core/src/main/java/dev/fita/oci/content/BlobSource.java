package dev.fita.oci.content;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The content of a blob; re-openable, so that a retried upload starts again from the first byte. */
@FunctionalInterface
public interface BlobSource {

    InputStream open() throws IOException;

    /** Buffered by 64 KiB: the HTTP client reads 4 KiB at a time, which would be one system call each. */
    static BlobSource of(Path file) {
        return () -> new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    }

    static BlobSource of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return () -> new ByteArrayInputStream(copy);
    }
}
