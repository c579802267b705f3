package dev.fita.oci.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;

/**
 * What a root descriptor reaches in a store: every manifest and index (read whole and verified),
 * children before parents, and the blobs (configs, layers) they reference. The copy and inspect
 * both walk an image through this.
 */
public final class ImageGraph {

    /**
     * One manifest or index: its descriptor and bytes, the manifests it lists (an index's entries,
     * platforms included) and the blobs it references (a manifest's config, then its layers).
     */
    public record Node(Descriptor descriptor, byte[] bytes, List<Descriptor> manifests, List<Descriptor> blobs) {
        public Node {
            bytes = bytes.clone();
            manifests = List.copyOf(manifests);
            blobs = List.copyOf(blobs);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    private final Descriptor root;
    private final Map<Digest, Node> nodes = new LinkedHashMap<>();
    private final Map<Digest, Descriptor> blobs = new LinkedHashMap<>();

    private ImageGraph(Descriptor root) {
        this.root = root;
    }

    /** Reads the graph under {@code root} from {@code source}. Anything but an index is read as an image manifest. */
    public static ImageGraph read(ReadableStorage source, Descriptor root) {
        ImageGraph graph = new ImageGraph(root);
        graph.walk(source, root);
        return graph;
    }

    private void walk(ReadableStorage source, Descriptor d) {
        if (nodes.containsKey(d.digest())) {
            return;
        }
        byte[] bytes = source.fetchAll(d);
        List<Descriptor> children = new ArrayList<>();
        List<Descriptor> referenced = new ArrayList<>();
        if (MediaTypes.isIndex(d.mediaType())) {
            children.addAll(ImageIndex.fromJson(bytes).manifests());
        } else {
            ImageManifest manifest = ImageManifest.fromJson(bytes);
            referenced.add(manifest.config());
            referenced.addAll(manifest.layers());
        }
        for (Descriptor child : children) {
            walk(source, child);
        }
        for (Descriptor blob : referenced) {
            blobs.putIfAbsent(blob.digest(), blob);
        }
        nodes.put(d.digest(), new Node(d, bytes, children, referenced));
    }

    public Descriptor root() {
        return root;
    }

    public Node node(Descriptor d) {
        Node node = nodes.get(d.digest());
        if (node == null) {
            throw new IllegalArgumentException(d.digest() + " is not a manifest of this graph");
        }
        return node;
    }

    /** Every manifest and index, children before parents; the root last. */
    public Collection<Node> nodes() {
        return nodes.values();
    }

    /**
     * Every manifest and index in levels, each after the levels of its children: image manifests and
     * artifacts first, then the indexes over them, the root's level last. Within a level, in
     * {@link #nodes()} order.
     */
    public List<List<Node>> levels() {
        Map<Digest, Integer> depth = new HashMap<>();
        List<List<Node>> levels = new ArrayList<>();
        for (Node node : nodes.values()) { // children come first, so theirs are known
            int d = node.manifests().stream().mapToInt(m -> depth.getOrDefault(m.digest(), -1) + 1).max().orElse(0);
            depth.put(node.descriptor().digest(), d);
            while (levels.size() <= d) {
                levels.add(new ArrayList<>());
            }
            levels.get(d).add(node);
        }
        return levels.stream().map(List::copyOf).toList();
    }

    /** Every blob, each once, in the order the manifests reference them. */
    public Collection<Descriptor> blobs() {
        return blobs.values();
    }

    public long blobBytes() {
        return blobs.values().stream().mapToLong(Descriptor::size).sum();
    }

    /** The digests of the manifests and blobs under {@code d}, itself included. */
    Set<Digest> under(Descriptor d) {
        Set<Digest> out = new LinkedHashSet<>();
        collect(node(d), out);
        return out;
    }

    private void collect(Node node, Set<Digest> out) {
        if (!out.add(node.descriptor().digest())) {
            return;
        }
        node.blobs().forEach(b -> out.add(b.digest()));
        node.manifests().forEach(m -> collect(node(m), out));
    }
}
