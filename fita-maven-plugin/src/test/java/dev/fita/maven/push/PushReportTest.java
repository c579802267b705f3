package dev.fita.maven.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fita.oci.Digest;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.PushResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushReportTest {
    @Test
    void oneLinePerTagThenTheSummary() {
        Digest digest = Digest.parse("sha256:" + "ab".repeat(32));
        PushResult result = new PushResult(ImageReference.parse("127.0.0.1:5000/fita/sensor:0.0.1"), digest,
                List.of("0.0.1", "latest"), 3, 2_500_000, 5, 40_000_000, 1);
        assertEquals(List.of(
                "Pushed 127.0.0.1:5000/fita/sensor:0.0.1@" + digest,
                "Pushed 127.0.0.1:5000/fita/sensor:latest@" + digest,
                "Uploaded 3 blobs (2.5 MB), 5 already present (40.0 MB), 1 mounted"), PushReport.lines(result));
    }
}
