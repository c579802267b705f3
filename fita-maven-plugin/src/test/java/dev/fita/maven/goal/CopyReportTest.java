package dev.fita.maven.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fita.oci.Descriptor;
import dev.fita.oci.content.CopyResult;
import dev.fita.oci.registry.ImageReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyReportTest {
    @Test
    void oneLinePerTagThenTheSummary() {
        Descriptor root = Descriptor.of("application/vnd.oci.image.index.v1+json", "{}".getBytes());
        CopyResult result = new CopyResult(root, List.of("0.0.1", "latest"), 3, 2_500_000, 5, 40_000_000, 1, 2, 1, 2);
        assertEquals(List.of(
                "Pushed 127.0.0.1:5000/fita/sensor:0.0.1@" + root.digest(),
                "Pushed 127.0.0.1:5000/fita/sensor:latest@" + root.digest(),
                "Uploaded 3 blobs (2.5 MB), 5 already present (40.0 MB), 1 mounted"),
                CopyReport.lines(ImageReference.parse("127.0.0.1:5000/fita/sensor:0.0.1"), result));
    }
}
