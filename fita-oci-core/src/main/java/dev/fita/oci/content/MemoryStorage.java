package dev.fita.oci.content;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.fita.oci.Blob;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.OciException;

/** Content made in memory (a new index, the embServe blobs), read like any store; verified on construction by {@link Blob}. */
public final class MemoryStorage implements ReadableStorage {

    private final Map<Digest, Blob> blobs = new LinkedHashMap<>();

    public MemoryStorage(List<Blob> content) {
        for (Blob blob : content) {
            blobs.put(blob.descriptor().digest(), blob);
        }
    }

    private Blob blob(Descriptor d) {
        Blob blob = blobs.get(d.digest());
        if (blob == null) {
            throw new OciException(d.digest() + " was not made in memory");
        }
        return blob;
    }

    @Override
    public InputStream fetch(Descriptor d) {
        return new ByteArrayInputStream(fetchAll(d));
    }

    @Override
    public byte[] fetchAll(Descriptor d) {
        byte[] bytes = blob(d).bytes();
        d.verify(bytes);
        return bytes;
    }

    @Override
    public boolean exists(Descriptor d) {
        return blobs.containsKey(d.digest());
    }

    /** Only digests resolve: memory has no tags. */
    @Override
    public Optional<Descriptor> resolve(String reference) {
        return blobs.values().stream().map(Blob::descriptor)
                .filter(d -> d.digest().toString().equals(reference)).findFirst();
    }

    @Override
    public String toString() {
        return "memory";
    }
}
