package dev.fita.oci.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.OciException;

/**
 * The one way an image graph moves from one store to another (after oras-go's {@code Copy}), for
 * push, append and pull alike. In the order that keeps the target consistent: children before
 * parents, the tags last, so a tag moves only once everything it reaches is in place and a failure
 * leaves the tags as they were. What the target already holds is not sent again: a manifest or
 * index it has under that digest is skipped with everything under it, a blob it has is skipped,
 * a missing blob is mounted within a registry when a source repository is known, and a tag that
 * already points at the root is not set again. Blobs go in parallel. One instance keeps, across its
 * copies, where it saw each blob, as the mount sources for later copies to the same registry.
 */
public final class GraphCopy {

    private final CopyOptions options;
    private final BlobLocations locations = new BlobLocations();

    public GraphCopy() {
        this(CopyOptions.DEFAULT);
    }

    public GraphCopy(CopyOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Copies {@code root} and all it reaches from {@code source} to {@code target}, then points each of
     * {@code tags} at it (every tag is checked first, so a bad one sends nothing). With a platform in
     * the options, the root is that platform's image of the index instead.
     */
    public CopyResult copy(ReadableStorage source, Descriptor root, Storage target, List<String> tags,
            CopyListener listener) {
        Set<String> allTags = new LinkedHashSet<>(tags);
        allTags.forEach(target::checkTag);
        Descriptor start = options.platform() == null ? root
                : PlatformSelector.select(source, root, source.fetchAll(root), options.platform(), source.toString());
        try (Run run = new Run(source, ImageGraph.read(source, start), target,
                listener == null ? CopyListener.NONE : listener)) {
            run.findPresentManifests();
            run.copyBlobs();
            run.copyManifests();
            int moved = run.tag(allTags);
            return new CopyResult(start, List.copyOf(allTags), run.blobsCopied.get(), run.bytesCopied.get(),
                    run.blobsPresent.get(), run.bytesPresent.get(), run.blobsMounted.get(), run.manifestsCopied.get(),
                    run.manifestsPresent.get(), moved);
        }
    }

    /** One copy's state: what the target holds, the counts, and the worker threads. */
    private final class Run implements AutoCloseable {
        private final ReadableStorage source;
        private final ImageGraph graph;
        private final Storage target;
        private final BlobMounter mounter;
        private final CopyListener listener;
        private final ExecutorService pool;
        /** Manifests the target has under their digest, and every blob under them. */
        private final Set<Digest> present = ConcurrentHashMap.newKeySet();
        private final long total;
        private final AtomicLong done = new AtomicLong();
        private final AtomicInteger blobsCopied = new AtomicInteger();
        private final AtomicLong bytesCopied = new AtomicLong();
        private final AtomicInteger blobsPresent = new AtomicInteger();
        private final AtomicLong bytesPresent = new AtomicLong();
        private final AtomicInteger blobsMounted = new AtomicInteger();
        private final AtomicInteger manifestsCopied = new AtomicInteger();
        private final AtomicInteger manifestsPresent = new AtomicInteger();

        Run(ReadableStorage source, ImageGraph graph, Storage target, CopyListener listener) {
            this.source = source;
            this.graph = graph;
            this.target = target;
            this.mounter = target instanceof BlobMounter m ? m : null;
            this.listener = listener;
            this.total = graph.blobBytes();
            this.pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
                Thread t = new Thread(r, "fita-copy");
                t.setDaemon(true);
                return t;
            });
            listener.progress(0, total);
        }

        /**
         * Top down, one level at a time: a manifest the target already has brings all under it (a
         * registry refuses a manifest whose parts it lacks, and a layout writes the parts first).
         */
        void findPresentManifests() {
            List<Descriptor> level = List.of(graph.root());
            while (!level.isEmpty()) {
                List<Boolean> held = parallel(level, target::exists);
                List<Descriptor> next = new ArrayList<>();
                for (int i = 0; i < level.size(); i++) {
                    Descriptor d = level.get(i);
                    if (held.get(i)) {
                        present.addAll(graph.under(d));
                    } else {
                        next.addAll(graph.node(d).manifests());
                    }
                }
                next.removeIf(d -> present.contains(d.digest()));
                level = next.stream().distinct().toList();
            }
        }

        void copyBlobs() {
            List<Descriptor> pending = new ArrayList<>();
            for (Descriptor blob : graph.blobs()) {
                if (present.contains(blob.digest())) {
                    countPresent(blob);
                } else {
                    pending.add(blob);
                }
            }
            parallel(pending, blob -> {
                copyBlob(blob);
                return null;
            });
        }

        private void copyBlob(Descriptor d) {
            if (target.exists(d)) {
                countPresent(d);
                return;
            }
            Optional<String> mountedFrom = mount(d);
            if (mountedFrom.isPresent()) {
                blobsMounted.incrementAndGet();
                listener.blobMounted(d, mountedFrom.get());
            } else {
                target.push(d, () -> source.fetch(d));
                blobsCopied.incrementAndGet();
                bytesCopied.addAndGet(d.size());
                listener.blobCopied(d);
            }
            seen(d);
            listener.progress(done.addAndGet(d.size()), total);
        }

        /** Tries the repository this copy last saw the blob in, then the configured ones. */
        private Optional<String> mount(Descriptor d) {
            if (mounter == null) {
                return Optional.empty();
            }
            Set<String> candidates = new LinkedHashSet<>();
            locations.find(mounter, d.digest()).ifPresent(candidates::add);
            candidates.addAll(options.mountFrom());
            candidates.remove(mounter.repository());
            return candidates.stream().filter(from -> mounter.mount(d, from)).findFirst();
        }

        private void countPresent(Descriptor d) {
            blobsPresent.incrementAndGet();
            bytesPresent.addAndGet(d.size());
            seen(d);
            listener.blobPresent(d);
            listener.progress(done.addAndGet(d.size()), total);
        }

        private void seen(Descriptor d) {
            if (mounter != null) {
                locations.saw(mounter, d.digest());
            }
        }

        /**
         * Children before parents, level by level (a registry checks each manifest's parts on arrival);
         * the manifests of one level, such as each platform's image and the embServe entry, in parallel.
         */
        void copyManifests() {
            for (List<ImageGraph.Node> level : graph.levels()) {
                parallel(level, node -> {
                    if (present.contains(node.descriptor().digest())) {
                        manifestsPresent.incrementAndGet();
                        listener.manifestPresent(node.descriptor());
                    } else {
                        target.push(node.descriptor(), BlobSource.of(node.bytes()));
                        manifestsCopied.incrementAndGet();
                        listener.manifestCopied(node.descriptor());
                    }
                    return null;
                });
            }
        }

        int tag(Set<String> tags) {
            Descriptor root = graph.root();
            int moved = 0;
            for (String tag : tags) {
                Optional<Descriptor> current = target.resolve(tag);
                if (current.isPresent() && current.get().digest().equals(root.digest())) {
                    listener.tagPresent(tag);
                    continue;
                }
                if (target instanceof ReferencePusher pusher) {
                    pusher.pushTagged(root, graph.node(root).bytes(), tag);
                } else {
                    target.tag(root, tag);
                }
                moved++;
                listener.tagged(tag);
            }
            return moved;
        }

        /** Runs {@code task} for each item on the workers; the first failure in item order is thrown. */
        private <T, R> List<R> parallel(List<T> items, Function<T, R> task) {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(await(future));
            }
            return results;
        }

        private <R> R await(Future<R> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OciException("Interrupted while copying " + graph.root().digest() + " to " + target + ".", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new OciException("Copying to " + target + " failed: " + e.getCause(), e.getCause());
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }
}
