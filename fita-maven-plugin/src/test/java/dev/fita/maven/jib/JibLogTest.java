package dev.fita.maven.jib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.cloud.tools.jib.api.LogEvent;
import java.util.ArrayList;
import java.util.List;
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
        assertEquals(List.of("error [linux/arm64] failed", "warn [linux/arm64] careful",
                "info [linux/arm64] Container entrypoint set to [java]"), log.lines);
    }

    @Test
    void infoAndDebugOnlyWithDebugEnabled() {
        RecordingLog log = new RecordingLog(true);
        new JibLog(log, "").accept(LogEvent.info("detail"));
        assertEquals(List.of("debug detail"), log.lines);
    }

    @Test
    void progressLinesInBatchModeAtEveryQuarter() {
        RecordingLog log = new RecordingLog(false);
        ProgressLine line = new ProgressLine("linux/amd64", log, null);
        for (double p : new double[] {0, 0.1, 0.26, 0.3, 0.5, 0.99, 1.0}) {
            line.report(p);
        }
        assertEquals(List.of("info Building linux/amd64: 0%", "info Building linux/amd64: 26%",
                "info Building linux/amd64: 50%", "info Building linux/amd64: 99%", "info Building linux/amd64: 100%"), log.lines);
    }

    @Test
    void interactiveBoardShowsAllPlatformsOnOneLine() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ProgressBoard board = new ProgressBoard(new java.io.PrintStream(out, true));
        ProgressLine amd64 = new ProgressLine("linux/amd64", new RecordingLog(false), board);
        ProgressLine arm64 = new ProgressLine("linux/arm64", new RecordingLog(false), board);
        amd64.report(0.5);
        arm64.report(0.3);
        assertEquals("linux/amd64 [=====     ]  50%  linux/arm64 [===       ]  30%", board.render());
        amd64.report(1);
        arm64.report(1);
        String printed = out.toString();
        assertEquals(true, printed.startsWith("\rlinux/amd64 [=====     ]  50%  linux/arm64 [          ]   0%"), printed);
        assertEquals(true, printed.endsWith("linux/arm64 [==========] 100%" + System.lineSeparator()), printed);
    }

    /** A Maven Log that records what it is given. */
    static final class RecordingLog implements org.apache.maven.plugin.logging.Log {
        final List<String> lines = new ArrayList<>();
        private final boolean debug;

        RecordingLog(boolean debug) {
            this.debug = debug;
        }

        @Override public boolean isDebugEnabled() { return debug; }
        @Override public void debug(CharSequence c) { lines.add("debug " + c); }
        @Override public void debug(CharSequence c, Throwable t) { debug(c); }
        @Override public void debug(Throwable t) { debug(t.toString()); }
        @Override public boolean isInfoEnabled() { return true; }
        @Override public void info(CharSequence c) { lines.add("info " + c); }
        @Override public void info(CharSequence c, Throwable t) { info(c); }
        @Override public void info(Throwable t) { info(t.toString()); }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public void warn(CharSequence c) { lines.add("warn " + c); }
        @Override public void warn(CharSequence c, Throwable t) { warn(c); }
        @Override public void warn(Throwable t) { warn(t.toString()); }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public void error(CharSequence c) { lines.add("error " + c); }
        @Override public void error(CharSequence c, Throwable t) { error(c); }
        @Override public void error(Throwable t) { error(t.toString()); }
    }
}
