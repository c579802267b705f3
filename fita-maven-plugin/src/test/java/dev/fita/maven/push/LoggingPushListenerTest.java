package dev.fita.maven.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.testing.RecordingLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingPushListenerTest {

    @Test
    void largePushesReportBytesAndRate() {
        RecordingLog log = new RecordingLog(false);
        LoggingPushListener listener = new LoggingPushListener(log, "Pushing blobs");
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
        LoggingPushListener listener = new LoggingPushListener(log, "Pushing blobs");
        listener.progress(0, 6_000);
        listener.progress(6_000, 6_000);
        assertEquals(List.of(), log.lines);
    }
}
