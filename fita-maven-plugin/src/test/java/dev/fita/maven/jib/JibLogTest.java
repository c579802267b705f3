package dev.fita.maven.jib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.cloud.tools.jib.api.LogEvent;
import java.util.List;
import dev.fita.maven.testing.RecordingLog;
import org.junit.jupiter.api.Test;

class JibLogTest {
    @Test
    void levelsPrefixAndAnsi() {
        RecordingLog log = new RecordingLog(false);
        JibLog jibLog = new JibLog(log, "linux/arm64");
        jibLog.accept(LogEvent.error("\u001B[31mfailed\u001B[0m"));
        jibLog.accept(LogEvent.warn("careful"));
        jibLog.accept(LogEvent.lifecycle("Container entrypoint set to [java]"));
        jibLog.accept(LogEvent.lifecycle(""));
        jibLog.accept(LogEvent.info("detail"));
        assertEquals(List.of("warn [linux/arm64] careful", "info [linux/arm64] Container entrypoint set to [java]"),
                log.lines, "Jib's ERROR lines wait for fita's own failure sentence; at debug only");
    }

    @Test
    void jibErrorLinesGoToDebug() {
        RecordingLog log = new RecordingLog(true);
        JibLog jibLog = new JibLog(log, "");
        jibLog.accept(LogEvent.error("I/O error for image [127.0.0.1:1/base]:"));
        jibLog.accept(LogEvent.lifecycle("Using base image with digest: sha256:\u001B[36mabc\u001B[0m"));
        assertEquals(List.of("debug jib: I/O error for image [127.0.0.1:1/base]:",
                "info Using base image with digest: sha256:abc"), log.lines);
    }

    @Test
    void infoAndDebugOnlyWithDebugEnabled() {
        RecordingLog log = new RecordingLog(true);
        new JibLog(log, "").accept(LogEvent.info("detail"));
        assertEquals(List.of("debug detail"), log.lines);
    }
}
