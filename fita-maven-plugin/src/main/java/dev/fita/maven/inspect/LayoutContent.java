package dev.fita.maven.inspect;

import dev.fita.oci.Descriptor;
import dev.fita.oci.layout.OciLayout;

/** Content from a local OCI image layout. */
public record LayoutContent(OciLayout layout) implements ContentSource {
    @Override
    public byte[] manifest(Descriptor descriptor) {
        return layout.readBlob(descriptor);
    }

    @Override
    public byte[] blob(Descriptor descriptor) {
        return layout.readBlob(descriptor);
    }
}
