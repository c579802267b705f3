package dev.fita.maven.inspect;

import dev.fita.oci.Descriptor;
import dev.fita.oci.registry.Repository;
import java.io.ByteArrayOutputStream;

/** Content from a registry repository. */
public record RegistryContent(Repository repository) implements ContentSource {
    @Override
    public byte[] manifest(Descriptor descriptor) {
        return repository.fetchManifest(descriptor.digest().toString()).bytes();
    }

    @Override
    public byte[] blob(Descriptor descriptor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        repository.fetchBlob(descriptor, out);
        return out.toByteArray();
    }
}
