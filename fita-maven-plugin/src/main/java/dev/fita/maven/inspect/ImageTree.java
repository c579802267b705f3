package dev.fita.maven.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.content.ReadableStorage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an image index (or a single manifest) from any store into an {@link InspectedImage}, and
 * renders it as the tree of the README: one line per entry with platform, media type, digest and
 * size; for the embServe entry also the service's name and version.
 */
public final class ImageTree {
    private static final long MAX_SERVICE_BYTES = 4L * 1024 * 1024;

    private ImageTree() {}

    public static InspectedImage read(ReadableStorage source, String image, List<String> tags, Descriptor root) {
        List<InspectedImage.Entry> entries = new ArrayList<>();
        if (MediaTypes.isIndex(root.mediaType())) {
            for (Descriptor entry : ImageIndex.fromJson(source.fetchAll(root)).manifests()) {
                entries.add(entry(source, entry));
            }
        } else {
            entries.add(entry(source, root));
        }
        return new InspectedImage(image, tags, root.mediaType(), root.digest().toString(), root.size(), entries);
    }

    private static InspectedImage.Entry entry(ReadableStorage source, Descriptor d) {
        return new InspectedImage.Entry(d.platform() == null ? null : d.platform().toString(), d.mediaType(),
                d.digest().toString(), d.size(), embServe(source, d));
    }

    /** The service.json layer of an embServe artifact; null for anything else. */
    private static InspectedImage.EmbServe embServe(ReadableStorage source, Descriptor entry) {
        if (!MediaTypes.isManifest(entry.mediaType())) {
            return null;
        }
        for (Descriptor layer : ImageManifest.fromJson(source.fetchAll(entry)).layers()) {
            if (MediaTypes.EMBSERVE_SERVICE.equals(layer.mediaType())) {
                String name = null;
                String version = null;
                if (layer.size() <= MAX_SERVICE_BYTES) {
                    JsonNode service = service(source, layer);
                    name = service.path("name").asText("?");
                    version = service.path("version").asText("?");
                }
                return new InspectedImage.EmbServe(name, version, layer.mediaType(), layer.digest().toString(),
                        layer.size());
            }
        }
        return null;
    }

    private static JsonNode service(ReadableStorage source, Descriptor layer) {
        try {
            return Json.mapper().readTree(source.fetchAll(layer));
        } catch (IOException e) {
            return Json.mapper().missingNode();
        }
    }

    /** The tree as text lines, starting with the image and its tags. */
    public static List<String> lines(InspectedImage image) {
        List<String> lines = new ArrayList<>();
        lines.add(image.image() + (image.tags().isEmpty() ? "" : " (tags: " + String.join(", ", image.tags()) + ")"));
        if (MediaTypes.isIndex(image.mediaType())) {
            lines.add("└── " + kind(image.mediaType()) + " " + image.digest() + " (" + image.size() + " bytes)");
            List<InspectedImage.Entry> entries = image.manifests();
            for (int i = 0; i < entries.size(); i++) {
                boolean last = i == entries.size() - 1;
                lines.add("    " + (last ? "└── " : "├── ") + entryLine(entries.get(i)));
                if (entries.get(i).embServe() != null) {
                    lines.add("    " + (last ? "    " : "│   ") + "    " + detail(entries.get(i).embServe()));
                }
            }
        } else {
            InspectedImage.Entry only = image.manifests().get(0);
            lines.add("└── " + entryLine(only));
            if (only.embServe() != null) {
                lines.add("        " + detail(only.embServe()));
            }
        }
        return lines;
    }

    private static String entryLine(InspectedImage.Entry entry) {
        String platform = entry.platform() == null ? "(no platform)" : entry.platform();
        return String.format("%-14s %s %s (%d bytes)", platform, entry.mediaType(), entry.digest(), entry.size());
    }

    private static String detail(InspectedImage.EmbServe service) {
        if (service.name() == null) {
            return "embServe service (" + service.size() + " bytes, not read)";
        }
        return "embServe service '" + service.name() + "' version " + service.version() + " (" + service.mediaType()
                + " " + service.digest() + ")";
    }

    private static String kind(String mediaType) {
        return MediaTypes.OCI_INDEX.equals(mediaType) ? "OCI image index" : "Docker manifest list";
    }
}
