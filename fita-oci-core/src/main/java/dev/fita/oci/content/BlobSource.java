package dev.fita.oci.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The content of a blob; re-openable, so that a retried upload starts again from the first byte. */
@FunctionalInterface
public interface BlobSource {

    InputStream open() throws IOException;

    static BlobSource of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return () -> new ByteArrayInputStream(copy);
    }
}
