package dev.fita.maven.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fita.maven.testing.RecordingLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingPushListenerTest {

    @Test
    void reportsEachQuarterOnceForLargePushes() {
        RecordingLog log = new RecordingLog(false);
        LoggingPushListener listener = new LoggingPushListener(log, "Pushing blobs");
        long total = 40_000_000;
        for (long done = 0; done <= total; done += 5_000_000) {
            listener.progress(done, total);
        }
        assertEquals(List.of("info Pushing blobs: 0% of 40.0 MB", "info Pushing blobs: 25% of 40.0 MB",
                "info Pushing blobs: 50% of 40.0 MB", "info Pushing blobs: 75% of 40.0 MB",
                "info Pushing blobs: 100% of 40.0 MB"), log.lines);
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
