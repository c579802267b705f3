package dev.fita.oci.testing;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.fita.oci.Descriptor;
import dev.fita.oci.content.ReadableStorage;

/**
 * A source store whose blob streams pass through {@code hook} (descriptor, the opened stream → the
 * stream the copy reads): for a slow upload, or to kill a registry at the moment a given blob goes up.
 */
public record HookedStorage(ReadableStorage source, BiFunction<Descriptor, InputStream, InputStream> hook)
        implements ReadableStorage {

    @Override
    public InputStream fetch(Descriptor d) {
        return hook.apply(d, source.fetch(d));
    }

    @Override
    public byte[] fetchAll(Descriptor d) {
        return source.fetchAll(d);
    }

    @Override
    public boolean exists(Descriptor d) {
        return source.exists(d);
    }

    @Override
    public Optional<Descriptor> resolve(String reference) {
        return source.resolve(reference);
    }
}
