package dev.fita.maven.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.testing.RecordingLog;
import dev.fita.oci.Descriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyProgressLogTest {

    @Test
    void largePushesReportBytesAndRate() {
        RecordingLog log = new RecordingLog(false);
        CopyProgressLog listener = new CopyProgressLog(log, "Pushing blobs");
        long total = 40_000_000;
        for (long done = 0; done <= total; done += 5_000_000) {
            listener.progress(done, total);
        }
        // The steps in between come faster than one line per 5 seconds: only the start and the end.
        assertEquals(2, log.lines.size(), log.all());
        assertEquals("info Pushing blobs: 0.0 of 40.0 MB (0%)", log.lines.get(0));
        assertTrue(log.lines.get(1).matches("info Pushing blobs: 40\\.0 of 40\\.0 MB \\(100%\\), [0-9.]+ MB/s"),
                log.lines.get(1));
    }

    @Test
    void staysQuietForTinyPushes() {
        RecordingLog log = new RecordingLog(false);
        CopyProgressLog listener = new CopyProgressLog(log, "Pushing blobs");
        listener.progress(0, 6_000);
        listener.progress(6_000, 6_000);
        assertEquals(List.of(), log.lines);
    }

    @Test
    void debugLinesSayWhatWasSentAndWhatWasThere() {
        RecordingLog log = new RecordingLog(true);
        CopyProgressLog listener = new CopyProgressLog(log, "Pushing blobs");
        Descriptor d = Descriptor.of("application/vnd.oci.image.manifest.v1+json", "{}".getBytes());
        listener.blobMounted(d, "base/tiny");
        listener.manifestPresent(d);
        listener.tagPresent("latest");
        assertEquals(List.of("debug Mounted " + d.digest() + " from base/tiny", "debug Manifest already present "
                + d.digest(), "debug Tag latest already points at the image"), log.lines);
    }
}
