package dev.fita.maven.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.testing.RecordingLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TransferProgressTest {
    private long now;

    private TransferProgress plain(RecordingLog log) {
        return new TransferProgress("Pushing blobs", log, null, () -> now);
    }

    private void after(long seconds) {
        now += TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void plainLinesAtMostEveryTenPercentAndEveryFiveSecondsWhicheverIsRarer() {
        RecordingLog log = new RecordingLog(false);
        TransferProgress progress = plain(log);
        long total = 100_000_000;
        progress.update(0, total);
        after(1);
        progress.update(30_000_000, total);  // 30 % but only 1 s: no line
        after(5);
        progress.update(35_000_000, total);  // 6 s since the last line, 35 %: a line
        after(20);
        progress.update(40_000_000, total);  // 20 s but only 5 % more: no line
        progress.update(45_000_000, total);  // 10 % more and 20 s: a line
        after(1);
        progress.update(100_000_000, total); // the end always has its line
        progress.update(100_000_000, total); // and only once
        assertEquals(List.of("info Pushing blobs: 0.0 of 100.0 MB (0%)",
                "info Pushing blobs: 35.0 of 100.0 MB (35%), 5.8 MB/s",
                "info Pushing blobs: 45.0 of 100.0 MB (45%), 1.7 MB/s",
                "info Pushing blobs: 100.0 of 100.0 MB (100%), 3.7 MB/s"), log.lines);
    }

    @Test
    void aTransferUnderOneMegabyteStaysQuietInBothModes() {
        RecordingLog log = new RecordingLog(false);
        TransferProgress progress = plain(log);
        progress.update(0, 999_999);
        progress.update(999_999, 999_999);
        assertEquals(List.of(), log.lines);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Console console = Console.rich(new TerminalLog(terminal, false), terminal);
        TransferProgress.of(console.log(), "Pushing blobs").update(0, 6_000);
        TransferProgress.of(console.log(), "Pushing blobs").update(6_000, 6_000);
        assertEquals(0, bytes.size());
    }

    @Test
    void reportsFromSlowerUploadThreadsDoNotMoveTheDisplayBack() {
        RecordingLog log = new RecordingLog(false);
        TransferProgress progress = plain(log);
        progress.update(0, 10_000_000);
        after(10);
        progress.update(8_000_000, 10_000_000);
        after(10);
        progress.update(5_000_000, 10_000_000);
        assertEquals(2, log.lines.size(), log.all());
        assertTrue(log.lines.get(1).startsWith("info Pushing blobs: 8.0 of 10.0 MB (80%)"), log.all());
    }

    @Test
    void richShowsBytesAndRateInTheFooterThenOneLogLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Console console = Console.rich(new TerminalLog(terminal, false), terminal);
        TransferProgress progress = new TransferProgress("Pushing blobs", console.log(), Console.footerOf(console.log()),
                () -> now);
        progress.update(0, 16_800_000);
        after(2);
        progress.update(8_400_000, 16_800_000);
        List<String> open = VirtualScreen.render(bytes.toString(StandardCharsets.UTF_8), 200);
        assertEquals(List.of("Pushing blobs [=====     ] 8.4/16.8 MB 4.2 MB/s"), open);
        after(2);
        progress.update(16_800_000, 16_800_000);
        console.close();
        assertEquals(List.of("[INFO] Pushing blobs: 16.8 of 16.8 MB (100%), 4.2 MB/s"),
                VirtualScreen.render(bytes.toString(StandardCharsets.UTF_8), 200));
    }
}
