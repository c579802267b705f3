package dev.fita.maven.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.testing.TestSettings;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageIndex;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What push and inspect say about the layout the last build left. */
class BuiltImageTest {
    private static final String UNFINISHED =
            "The last fita:build did not finish: target/fita/image holds no complete image; run fita:build again";

    @TempDir
    Path project;

    private FitaSettings settings() {
        return TestSettings.of(project.resolve("target/fita"), null, null);
    }

    private String failure(FitaSettings settings) {
        return assertThrows(ConfigurationException.class, () -> BuiltImage.find(settings, project, "")).getMessage();
    }

    @Test
    void withoutALayoutNoBuildRan() {
        assertEquals("No image built: run fita:build first (target/fita/image is missing)", failure(settings()));
        assertEquals("No image built: run fita:build first (target/fita/image is missing), or else",
                assertThrows(ConfigurationException.class, () -> BuiltImage.find(settings(), project, ", or else"))
                        .getMessage());
    }

    @Test
    void anEmptyOrHalfWrittenLayoutMeansTheLastBuildDidNotFinish() throws Exception {
        FitaSettings settings = settings();
        Files.createDirectories(settings.layoutDirectory());
        assertEquals(UNFINISHED, failure(settings), "an empty folder");
        OciLayout layout = OciLayout.create(settings.layoutDirectory());
        assertEquals(UNFINISHED, failure(settings), "a layout, but no image.json");
        Descriptor index = TestImages.writeLinuxIndex(layout, TestImages.LINUX_AMD64);
        ImageRecord.of(null, List.of("latest"), index.digest(), ImageIndex.fromJson(layout.readBlob(index)).manifests())
                .writeTo(settings.imageJson(), settings.imageDigest());
        assertEquals(UNFINISHED, failure(settings), "image.json names an index that index.json does not list");
        Files.writeString(settings.imageJson(), "{\"digest\":");
        assertEquals(UNFINISHED, failure(settings), "a truncated image.json");
    }

    @Test
    void aCompleteBuildGivesItsIndex() throws Exception {
        FitaSettings settings = settings();
        OciLayout layout = OciLayout.create(settings.layoutDirectory());
        Descriptor index = TestImages.writeLinuxIndex(layout, TestImages.LINUX_AMD64);
        layout.tag(index, List.of("latest"));
        ImageRecord.of(null, List.of("latest"), index.digest(), ImageIndex.fromJson(layout.readBlob(index)).manifests())
                .writeTo(settings.imageJson(), settings.imageDigest());
        BuiltImage built = BuiltImage.find(settings, project, "");
        assertEquals(index, built.root());
        assertEquals(index.digest().toString(), built.record().digest());
    }
}
