package dev.fita.maven.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an image index (or a single manifest) as the tree in the brief: one line per entry with
 * platform, media type, digest and size; for the embServe entry also the service's name and version.
 */
public final class ImageTree {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAX_SERVICE_BYTES = 4L * 1024 * 1024;

    private final ContentSource source;

    public ImageTree(ContentSource source) {
        this.source = source;
    }

    /** The lines of the tree for {@code title} (e.g. a reference) whose root is {@code root}. */
    public List<String> render(String title, Descriptor root) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(title);
        byte[] rootBytes = source.manifest(root);
        if (MediaTypes.isIndex(root.mediaType())) {
            lines.add("└── " + kind(root.mediaType()) + " " + root.digest() + " (" + root.size() + " bytes)");
            List<Descriptor> entries = ImageIndex.fromJson(rootBytes).manifests();
            for (int i = 0; i < entries.size(); i++) {
                boolean last = i == entries.size() - 1;
                Descriptor entry = entries.get(i);
                lines.add("    " + (last ? "└── " : "├── ") + entryLine(entry));
                String detail = embServeDetail(entry);
                if (detail != null) {
                    lines.add("    " + (last ? "    " : "│   ") + "    " + detail);
                }
            }
        } else {
            lines.add("└── " + entryLine(root));
            String detail = embServeDetail(root);
            if (detail != null) {
                lines.add("        " + detail);
            }
        }
        return lines;
    }

    private static String entryLine(Descriptor entry) {
        String platform = entry.platform() == null ? "(no platform)" : entry.platform().toString();
        return String.format("%-14s %s %s (%d bytes)", platform, entry.mediaType(), entry.digest(), entry.size());
    }

    private static String kind(String mediaType) {
        return MediaTypes.OCI_INDEX.equals(mediaType) ? "OCI image index" : "Docker manifest list";
    }

    /** "embServe service 'name' version N" when the manifest's single layer is a service.json. */
    private String embServeDetail(Descriptor entry) throws Exception {
        if (!MediaTypes.isManifest(entry.mediaType())) {
            return null;
        }
        ImageManifest manifest = ImageManifest.fromJson(source.manifest(entry));
        for (Descriptor layer : manifest.layers()) {
            if (MediaTypes.EMBSERVE_SERVICE.equals(layer.mediaType())) {
                if (layer.size() > MAX_SERVICE_BYTES) {
                    return "embServe service (" + layer.size() + " bytes, not read)";
                }
                JsonNode service = MAPPER.readTree(source.blob(layer));
                return "embServe service '" + service.path("name").asText("?") + "' version "
                        + service.path("version").asText("?") + " (" + layer.mediaType() + " " + layer.digest() + ")";
            }
        }
        return null;
    }
}
