package dev.fita.oci.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;

/**
 * Pushes everything a root descriptor reaches to one repository, in the order that keeps the
 * registry consistent: every blob (in parallel, bounded, skipping present ones, mounting what this
 * client saw in another repository), then the image manifests by digest, then the index by digest,
 * then each tag. A tag therefore moves only once all it points to is there; a failure leaves tags as they were.
 */
public final class LayoutPusher {

    /**
     * Four parallel blob uploads: a typical image has a handful of layers, registries and proxies
     * throttle many connections per client, and the build machine keeps its cores for the build.
     */
    public static final int DEFAULT_CONCURRENCY = 4;

    private final RegistryClient client;
    private final int concurrency;
    private final List<String> mountSources;

    public LayoutPusher(RegistryClient client) {
        this(client, DEFAULT_CONCURRENCY);
    }

    public LayoutPusher(RegistryClient client, int concurrency) {
        this(client, concurrency, List.of());
    }

    private LayoutPusher(RegistryClient client, int concurrency, List<String> mountSources) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.client = client;
        this.concurrency = concurrency;
        this.mountSources = List.copyOf(mountSources);
    }

    /**
     * A pusher that also tries to mount missing blobs from these repositories of the target registry
     * (e.g. an earlier version's repository), besides those this client has seen the blob in.
     */
    public LayoutPusher mountingFrom(List<String> repositories) {
        return new LayoutPusher(client, concurrency, repositories);
    }

    /** Pushes from an OCI image layout directory. */
    public PushResult push(Path layoutDir, Descriptor root, ImageReference target, List<String> tags,
            PushListener listener) {
        return push(ContentSource.of(layoutDir), root, target, tags, listener);
    }

    /**
     * Pushes {@code root} and all it references to {@code target}'s repository, then tags it with
     * {@code target}'s tag (if any) and each of {@code tags}.
     */
    public PushResult push(ContentSource source, Descriptor root, ImageReference target, List<String> tags,
            PushListener listener) {
        PushListener l = listener == null ? PushListener.NONE : listener;
        // Tags are checked before anything is sent, so a bad tag cannot leave a half-done push.
        Set<String> allTags = new LinkedHashSet<>();
        if (target.tag() != null) {
            allTags.add(target.tag());
        }
        for (String tag : tags) {
            allTags.add(target.withTag(tag).tag());
        }
        Repository repo = client.repository(target);
        Map<Digest, Descriptor> blobs = new LinkedHashMap<>();
        Map<Digest, Node> manifests = new LinkedHashMap<>();
        walk(source, root, blobs, manifests);

        long total = blobs.values().stream().mapToLong(Descriptor::size).sum();
        AtomicLong done = new AtomicLong();
        AtomicInteger uploaded = new AtomicInteger();
        AtomicLong uploadedBytes = new AtomicLong();
        AtomicInteger present = new AtomicInteger();
        AtomicLong presentBytes = new AtomicLong();
        AtomicInteger mounted = new AtomicInteger();
        l.progress(0, total);

        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, blobs.size())), r -> {
            Thread t = new Thread(r, "fita-blob-push");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Descriptor d : blobs.values()) {
                futures.add(pool.submit(() -> {
                    if (repo.blobExists(d, true)) {
                        present.incrementAndGet();
                        presentBytes.addAndGet(d.size());
                        l.blobPresent(d);
                    } else {
                        if (mount(repo, d)) {
                            mounted.incrementAndGet();
                            l.blobMounted(d);
                        } else {
                            repo.pushBlob(d, source.blob(d));
                            uploaded.incrementAndGet();
                            uploadedBytes.addAndGet(d.size());
                            l.blobUploaded(d);
                        }
                    }
                    l.progress(done.addAndGet(d.size()), total);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }

        for (Node n : manifests.values()) {
            repo.putManifest(n.descriptor.digest().toString(), n.descriptor.mediaType(), n.bytes);
            l.manifestPushed(n.descriptor);
        }
        Node rootNode = manifests.get(root.digest());
        for (String tag : allTags) {
            repo.putManifest(tag, root.mediaType(), rootNode.bytes);
            l.tagged(tag);
        }
        return new PushResult(target, root.digest(), List.copyOf(allTags), uploaded.get(), uploadedBytes.get(),
                present.get(), presentBytes.get(), mounted.get());
    }

    /** Tries the repository this client last saw the blob in, then the configured sources. */
    private boolean mount(Repository repo, Descriptor d) {
        Set<String> sources = new LinkedHashSet<>();
        client.knownLocation(repo.registry(), d.digest()).ifPresent(sources::add);
        sources.addAll(mountSources);
        sources.remove(repo.name());
        for (String from : sources) {
            if (repo.mountBlob(d, from)) {
                return true;
            }
        }
        return false;
    }

    private record Node(Descriptor descriptor, byte[] bytes) {
    }

    /** Collects blobs and manifests, children before parents, so pushing in order never dangles. */
    private static void walk(ContentSource source, Descriptor d, Map<Digest, Descriptor> blobs, Map<Digest, Node> manifests) {
        if (manifests.containsKey(d.digest())) {
            return;
        }
        byte[] bytes = source.readManifest(d);
        if (MediaTypes.isIndex(d.mediaType())) {
            for (Descriptor child : ImageIndex.fromJson(bytes).manifests()) {
                walk(source, child, blobs, manifests);
            }
        } else {
            ImageManifest m = ImageManifest.fromJson(bytes);
            blobs.putIfAbsent(m.config().digest(), m.config());
            for (Descriptor layer : m.layers()) {
                blobs.putIfAbsent(layer.digest(), layer);
            }
        }
        manifests.put(d.digest(), new Node(d, bytes));
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("Interrupted while pushing blobs.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new RegistryException("Pushing a blob failed: " + e.getCause(), e.getCause());
        }
    }
}
