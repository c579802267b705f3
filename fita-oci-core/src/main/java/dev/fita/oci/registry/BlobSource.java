package dev.fita.oci.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The content of a blob; re-openable, so that a retried upload starts again from the first byte. */
@FunctionalInterface
public interface BlobSource {

    InputStream open() throws IOException;

    static BlobSource of(Path file) {
        return () -> Files.newInputStream(file);
    }

    static BlobSource of(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }
}
