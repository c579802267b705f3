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
    void jibErrorLinesAndTheInternalTarGoToDebug() {
        RecordingLog log = new RecordingLog(true);
        JibLog jibLog = new JibLog(log, "linux/amd64");
        jibLog.accept(LogEvent.error("I/O error for image [127.0.0.1:1/base]:"));
        jibLog.accept(LogEvent.lifecycle("Containerizing application to file at '/p/target/fita/work/linux-amd64.tar'..."));
        jibLog.accept(LogEvent.lifecycle("Built image tarball at \u001B[36m/p/target/fita/work/linux-amd64.tar\u001B[0m"));
        jibLog.accept(LogEvent.lifecycle("Using base image with digest: sha256:abc"));
        assertEquals(List.of("debug jib: [linux/amd64] I/O error for image [127.0.0.1:1/base]:",
                "debug [linux/amd64] Containerizing application to file at '/p/target/fita/work/linux-amd64.tar'...",
                "debug [linux/amd64] Built image tarball at /p/target/fita/work/linux-amd64.tar",
                "info [linux/amd64] Using base image with digest: sha256:abc"), log.lines);
    }

    @Test
    void infoAndDebugOnlyWithDebugEnabled() {
        RecordingLog log = new RecordingLog(true);
        new JibLog(log, "").accept(LogEvent.info("detail"));
        assertEquals(List.of("debug detail"), log.lines);
    }
}
