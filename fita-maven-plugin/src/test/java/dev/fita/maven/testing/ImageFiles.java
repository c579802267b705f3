package dev.fita.maven.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.layout.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Reads what a built layout holds, the way an image consumer sees it: index entries, config, layer files. */
public final class ImageFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageFiles() {}

    /** One file or directory of a layer. */
    public record Entry(String path, int mode, long uid, long gid, long size, Instant mtime, String content) {}

    public static List<Descriptor> entries(OciLayout layout, String tag) {
        Descriptor root = layout.require(tag);
        return ImageIndex.fromJson(layout.readBlob(new Descriptor(root.mediaType(), root.digest(), root.size())))
                .manifests();
    }

    public static ImageManifest manifest(OciLayout layout, Descriptor entry) {
        return ImageManifest.fromJson(layout.readBlob(new Descriptor(entry.mediaType(), entry.digest(), entry.size())));
    }

    public static JsonNode config(OciLayout layout, Descriptor entry) throws IOException {
        return JSON.readTree(layout.readBlob(manifest(layout, entry).config()));
    }

    /** The files of every layer, layer by layer, in tar order; small files keep their text. */
    public static List<List<Entry>> layers(OciLayout layout, Descriptor entry) throws IOException {
        List<List<Entry>> layers = new ArrayList<>();
        for (Descriptor layer : manifest(layout, entry).layers()) {
            List<Entry> files = new ArrayList<>();
            try (InputStream blob = layout.openBlob(layer.digest());
                    TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(blob))) {
                for (TarArchiveEntry file = tar.getNextEntry(); file != null; file = tar.getNextEntry()) {
                    String content = file.isFile() && file.getSize() < 4096 ? new String(tar.readAllBytes()) : null;
                    files.add(new Entry(file.getName(), file.getMode() & 07777, file.getLongUserId(),
                            file.getLongGroupId(), file.getSize(), file.getModTime().toInstant(), content));
                }
            }
            layers.add(files);
        }
        return layers;
    }

    /** All files of the image by path (later layers win), leading "/" as in the container. */
    public static Map<String, Entry> files(OciLayout layout, Descriptor entry) throws IOException {
        Map<String, Entry> files = new LinkedHashMap<>();
        for (List<Entry> layer : layers(layout, entry)) {
            for (Entry file : layer) {
                String path = "/" + file.path().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", "");
                files.put(path, file);
            }
        }
        return files;
    }
}
