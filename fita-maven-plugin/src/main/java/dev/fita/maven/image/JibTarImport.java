package dev.fita.maven.image;

import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.Platform;
import dev.fita.oci.layout.LayoutException;
import dev.fita.oci.layout.LayoutTar;
import dev.fita.oci.layout.OciLayout;
import java.nio.file.Path;

/**
 * Moves the single image of a jib-core OCI tar into the final layout. Jib's index entry has no
 * platform (and a ref name we do not want), so the entry is rebuilt from media type, digest and size.
 */
public final class JibTarImport {
    private JibTarImport() {}

    /** A container image now in the final layout, ready for {@code IndexComposer.addImage}. */
    public record ImportedImage(Platform platform, Descriptor manifest, byte[] configJson) {}

    public static ImportedImage importInto(OciLayout target, Path tarFile, Path scratchDir, Platform platform) {
        OciLayout jib = LayoutTar.importTar(tarFile, scratchDir);
        ImageIndex index = jib.readIndex();
        if (index.manifests().size() != 1) {
            throw new LayoutException("jib-core wrote " + index.manifests().size()
                    + " manifests to " + tarFile + " for " + platform + ", expected exactly one");
        }
        Descriptor entry = index.manifests().get(0);
        Descriptor manifestDescriptor = new Descriptor(entry.mediaType(), entry.digest(), entry.size());
        byte[] manifestBytes = jib.readBlob(manifestDescriptor);
        ImageManifest manifest = ImageManifest.fromJson(manifestBytes);
        byte[] configJson = jib.readBlob(manifest.config());
        // Moved, not copied: the scratch layout is thrown away, and its blobs were verified on import.
        target.moveBlobFrom(jib, manifest.config());
        for (Descriptor layer : manifest.layers()) {
            target.moveBlobFrom(jib, layer);
        }
        // The manifest last: whatever it references is already in place.
        target.writeBlob(manifestDescriptor.mediaType(), manifestBytes);
        return new ImportedImage(platform, manifestDescriptor, configJson);
    }
}
