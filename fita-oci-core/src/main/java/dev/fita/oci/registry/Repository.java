package dev.fita.oci.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import dev.fita.oci.Descriptor;
import dev.fita.oci.DigestVerifier;
import dev.fita.oci.InvalidDigestException;
import dev.fita.oci.InvalidDocumentException;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.content.BlobMounter;
import dev.fita.oci.content.BlobSource;
import dev.fita.oci.content.ReferencePusher;
import dev.fita.oci.content.Storage;

/**
 * One repository on one registry as a {@link Storage}: manifests and indexes go to its
 * {@link ManifestStore}, everything else to its {@link BlobStore}; tags are manifests PUT under the tag.
 */
public final class Repository implements Storage, BlobMounter, ReferencePusher {

    private final String registry;
    private final String name;
    private final BlobStore blobs;
    private final ManifestStore manifests;

    Repository(Transport transport, String registry, String name, boolean forPush, long chunkSize) {
        this.registry = registry;
        this.name = name;
        RepositoryEndpoint endpoint = new RepositoryEndpoint(transport, registry, name, forPush);
        this.blobs = new BlobStore(endpoint, chunkSize);
        this.manifests = new ManifestStore(endpoint);
    }

    @Override
    public String registry() {
        return registry;
    }

    @Override
    public String repository() {
        return name;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public ManifestStore manifests() {
        return manifests;
    }

    private static boolean isDocument(Descriptor d) {
        return MediaTypes.isIndex(d.mediaType()) || MediaTypes.isManifest(d.mediaType());
    }

    @Override
    public InputStream fetch(Descriptor d) {
        return isDocument(d) ? new ByteArrayInputStream(fetchAll(d)) : blobs.open(d);
    }

    @Override
    public byte[] fetchAll(Descriptor d) {
        if (isDocument(d)) {
            byte[] bytes = manifests.fetch(d.digest().toString()).bytes();
            if (bytes.length != d.size()) {
                throw new RegistryResponseException(registry + " sent " + bytes.length + " bytes for manifest "
                        + d.digest() + " of " + name + ", but its descriptor says " + d.size() + ".");
            }
            return bytes;
        }
        if (d.size() > Json.MAX_DOCUMENT_BYTES) {
            throw new InvalidDocumentException("blob " + d.digest() + " of " + name + " on " + registry + " is "
                    + d.size() + " bytes, more than the " + Json.MAX_DOCUMENT_BYTES + "-byte limit for reading it whole");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = blobs.open(d)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new RegistryUnreachableException("Could not read blob " + d.digest() + " of " + name + " from "
                    + registry + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public boolean exists(Descriptor d) {
        return isDocument(d) ? manifests.head(d.digest().toString()).isPresent() : blobs.exists(d);
    }

    /** A HEAD of the manifest by tag or digest: empty when the registry does not know it. */
    @Override
    public Optional<Descriptor> resolve(String reference) {
        return manifests.head(reference);
    }

    @Override
    public void push(Descriptor d, BlobSource content) {
        if (!isDocument(d)) {
            blobs.upload(d, content);
            return;
        }
        byte[] bytes;
        try (InputStream in = content.open()) {
            bytes = in.readNBytes(Json.MAX_DOCUMENT_BYTES + 1);
        } catch (IOException e) {
            throw new RegistryException("Could not read manifest " + d.digest() + " to push to " + this + ": "
                    + e.getMessage(), e);
        }
        try {
            DigestVerifier.verify(d, bytes);
        } catch (InvalidDigestException e) {
            throw new InvalidDigestException("manifest " + d.digest() + " to push to " + this + ": " + e.getMessage());
        }
        manifests.put(d.digest().toString(), d.mediaType(), bytes);
    }

    @Override
    public void checkTag(String tag) {
        new ImageReference(registry, name, null, null).withTag(tag);
    }

    /** Fetches the manifest by digest and PUTs it under the tag. */
    @Override
    public void tag(Descriptor d, String tag) {
        pushTagged(d, fetchAll(d), tag);
    }

    @Override
    public void pushTagged(Descriptor d, byte[] manifest, String tag) {
        checkTag(tag);
        manifests.put(tag, d.mediaType(), manifest);
    }

    @Override
    public boolean mount(Descriptor blob, String fromRepository) {
        return blobs.mount(blob, fromRepository);
    }

    @Override
    public String toString() {
        return registry + "/" + name;
    }
}
