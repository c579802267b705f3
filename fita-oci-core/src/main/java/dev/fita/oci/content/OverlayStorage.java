package dev.fita.oci.content;

import java.io.InputStream;
import java.util.Optional;

import dev.fita.oci.Descriptor;

/** Reads from {@code upper} what it holds and everything else from {@code lower}, e.g. new documents over a source image. */
public record OverlayStorage(ReadableStorage upper, ReadableStorage lower) implements ReadableStorage {

    private ReadableStorage holder(Descriptor d) {
        return upper.exists(d) ? upper : lower;
    }

    @Override
    public InputStream fetch(Descriptor d) {
        return holder(d).fetch(d);
    }

    @Override
    public byte[] fetchAll(Descriptor d) {
        return holder(d).fetchAll(d);
    }

    @Override
    public boolean exists(Descriptor d) {
        return upper.exists(d) || lower.exists(d);
    }

    @Override
    public Optional<Descriptor> resolve(String reference) {
        return upper.resolve(reference).or(() -> lower.resolve(reference));
    }

    @Override
    public String toString() {
        return lower.toString();
    }
}
