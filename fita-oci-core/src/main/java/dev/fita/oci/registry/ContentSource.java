package dev.fita.oci.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.fita.oci.Descriptor;
import dev.fita.oci.InvalidDocumentException;
import dev.fita.oci.Json;

/**
 * Where a push reads manifests and blobs from. {@link #of(Path)} reads an OCI image layout directory
 * ({@code blobs/<alg>/<hex>}) directly, so the registry client does not depend on the layout writer.
 */
public interface ContentSource {

    /** The bytes of a manifest or index, verified against the descriptor. */
    byte[] readManifest(Descriptor d);

    /** A re-openable stream of a blob. */
    BlobSource blob(Descriptor d);

    static ContentSource of(Path layoutDir) {
        return new ContentSource() {
            private Path path(Descriptor d) {
                Path p = layoutDir.resolve("blobs").resolve(d.digest().algorithm()).resolve(d.digest().encoded());
                if (!Files.isRegularFile(p)) {
                    throw new InvalidDocumentException("The OCI layout " + layoutDir + " has no blob " + d.digest()
                            + " (expected " + p + ").");
                }
                return p;
            }

            @Override
            public byte[] readManifest(Descriptor d) {
                Path p = path(d);
                try {
                    if (Files.size(p) > Json.MAX_DOCUMENT_BYTES) {
                        throw new SizeLimitException("The manifest " + p + " is larger than "
                                + Json.MAX_DOCUMENT_BYTES / (1024 * 1024) + " MiB.");
                    }
                    byte[] bytes = Files.readAllBytes(p);
                    d.verify(bytes);
                    return bytes;
                } catch (IOException e) {
                    throw new InvalidDocumentException("Could not read " + p + ": " + e.getMessage());
                }
            }

            @Override
            public BlobSource blob(Descriptor d) {
                return BlobSource.of(path(d));
            }
        };
    }
}
