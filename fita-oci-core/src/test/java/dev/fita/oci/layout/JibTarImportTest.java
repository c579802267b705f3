package dev.fita.oci.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;

import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.MediaTypes;

/** The plugin imports jib-core's OCI tar with {@link LayoutTar#importTar}; this checks it works. */
class JibTarImportTest {

    @TempDir
    Path tmp;

    @Test
    void importsTheOciTarThatJibCoreWrites() throws Exception {
        Path file = Files.writeString(tmp.resolve("hello.txt"), "hello from jib\n");
        Path tar = tmp.resolve("jib.tar");
        Jib.fromScratch()
                .addFileEntriesLayer(FileEntriesLayer.builder()
                        .addEntry(file, AbsoluteUnixPath.get("/hello.txt")).build())
                .setFormat(ImageFormat.OCI)
                .setCreationTime(Instant.EPOCH)
                .containerize(Containerizer.to(TarImage.at(tar).named("example.com/fita/test:1"))
                        .setBaseImageLayersCache(tmp.resolve("cache/base"))
                        .setApplicationLayersCache(tmp.resolve("cache/app")));

        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertTrue(names.containsAll(List.of("oci-layout", "index.json")), names.toString());

        OciLayout layout = LayoutTar.importTar(tar, tmp.resolve("imported"));
        ImageIndex index = layout.readIndex();
        assertEquals(1, index.manifests().size(), index.toString());
        Descriptor entry = index.manifests().get(0);
        assertEquals(MediaTypes.OCI_MANIFEST, entry.mediaType());
        // jib names its one entry by the full image reference and gives it no platform
        assertEquals(entry, layout.resolve("example.com/fita/test:1"));
        assertEquals(null, entry.platform());
        ImageManifest manifest = ImageManifest.fromJson(layout.readBlob(entry));
        assertTrue(layout.hasBlob(manifest.config().digest()));
        String config = new String(layout.readBlob(manifest.config()), StandardCharsets.UTF_8);
        assertTrue(config.contains("\"architecture\":\"amd64\""), config);
        assertEquals(1, manifest.layers().size());
        assertTrue(layout.hasBlob(manifest.layers().get(0).digest()));

        // and it exports again to a tar that imports to the same blobs
        Path again = tmp.resolve("again.tar");
        LayoutTar.export(layout, again);
        OciLayout reimported = LayoutTar.importTar(again, tmp.resolve("reimported"));
        assertArrayEquals(layout.readBlob(entry), reimported.readBlob(entry));
    }
}
