package dev.fita.maven.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fita.maven.testing.RecordingLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;

/** The footer logic on a {@link VirtualScreen}: what a user's terminal shows after each step. */
class ConsoleTest {
    private static final Pattern BAR = Pattern.compile("\\[[= ]{10,}\\]");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> screen() {
        return VirtualScreen.render(bytes.toString(StandardCharsets.UTF_8), 200);
    }

    @Test
    void aWarningTakesTheFootersPlaceAndTheFooterIsDrawnBelowIt() {
        Console console = Console.rich(new TerminalLog(terminal, false), terminal);
        Log log = console.log();
        log.info("Building linux/amd64 from base");
        BuildProgress amd64 = BuildProgress.of(log, "linux/amd64");
        BuildProgress arm64 = BuildProgress.of(log, "linux/arm64");
        amd64.report(0.15);
        arm64.report(0.5);
        log.warn("[linux/amd64] Failed to connect to https://127.0.0.1:5000/v2/ over HTTPS.");
        amd64.report(0.3);
        assertEquals(List.of("[INFO] Building linux/amd64 from base",
                "[WARNING] [linux/amd64] Failed to connect to https://127.0.0.1:5000/v2/ over HTTPS.",
                "linux/amd64 [======              ]  30%",
                "linux/arm64 [==========          ]  50%"), screen());

        amd64.close();
        assertEquals("linux/arm64 [==========          ]  50%", last(screen()));
        console.close();
        assertEquals(List.of("[INFO] Building linux/amd64 from base",
                "[WARNING] [linux/amd64] Failed to connect to https://127.0.0.1:5000/v2/ over HTTPS."), screen());
    }

    @Test
    void closingAfterAFailureLeavesNoFooter() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> {
            try (Console console = Console.rich(new TerminalLog(terminal, false), terminal)) {
                BuildProgress.of(console.log(), "linux/amd64").report(0.7);
                throw new RuntimeException("base image has no linux/s390x");
            }
        });
        assertEquals("base image has no linux/s390x", failure.getMessage());
        new TerminalLog(terminal, false).error(failure.getMessage()); // Maven's own line after the goal
        assertEquals(List.of("[ERROR] base image has no linux/s390x"), screen());
    }

    @Test
    void linesAndFooterFromManyThreadsNeverMix() throws Exception {
        Console console = Console.rich(new TerminalLog(terminal, false), terminal);
        int threads = 4;
        int lines = 150;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                BuildProgress progress = BuildProgress.of(console.log(), "linux/p" + id);
                TransferProgress transfer = TransferProgress.of(console.log(), "Pushing blobs " + id);
                awaitQuietly(start);
                for (int i = 0; i < lines; i++) {
                    progress.report(i / (double) lines);
                    transfer.update(i * 100_000L, lines * 100_000L + 1);
                    console.log().warn("thread " + id + " line " + i);
                }
                progress.close();
            });
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        List<String> open = screen();
        assertEquals(threads, open.stream().filter(r -> r.startsWith("Pushing blobs ")).count(),
                "one push footer line per transfer still running: " + open.subList(Math.max(0, open.size() - 6), open.size()));
        console.close();

        List<String> rows = screen();
        Set<String> expected = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < lines; i++) {
                expected.add("[WARNING] thread " + t + " line " + i);
            }
        }
        assertEquals(threads * lines, rows.size(), "rows: " + rows.subList(0, Math.min(10, rows.size())));
        assertEquals(expected, new HashSet<>(rows));
    }

    @Test
    void aDisabledLevelDoesNotTouchTheFooter() {
        Console console = Console.rich(new TerminalLog(terminal, false), terminal);
        BuildProgress.of(console.log(), "linux/amd64").report(0.5);
        int before = bytes.size();
        console.log().debug("not shown");
        assertEquals(before, bytes.size(), "a debug line with debug off redrew the footer");
    }

    @Test
    void aLongFooterLineIsCutSoItCannotWrap() {
        Console console = Console.rich(new TerminalLog(terminal, false), terminal);
        BuildProgress.of(console.log(), "a-very-long-platform-label/with/parts/that/go/on/and/on").report(0.5);
        String row = last(screen());
        assertEquals(Footer.MAX_WIDTH, row.length(), row);
        assertTrue(row.endsWith("..."), row);
    }

    @Test
    void plainModeIsMavensLogAsItIsAndWritesNothingElse() {
        RecordingLog maven = new RecordingLog(false);
        Console console = Console.plain(maven);
        assertSame(maven, console.log());
        BuildProgress progress = BuildProgress.of(console.log(), "linux/amd64");
        for (double p : new double[] {0, 0.1, 0.26, 0.3, 0.5, 0.99, 1.0}) {
            progress.report(p);
        }
        progress.close();
        console.close();
        assertEquals(List.of("info Building linux/amd64: 0%", "info Building linux/amd64: 26%",
                "info Building linux/amd64: 50%", "info Building linux/amd64: 99%",
                "info Building linux/amd64: 100%"), maven.lines);
        assertEquals(0, bytes.size());
    }

    @Test
    void richFooterLinesAreBoldAndOnlyUseTheEscapesFitaNeeds() {
        Console console = Console.rich(new TerminalLog(terminal, false), terminal);
        BuildProgress.of(console.log(), "linux/amd64").report(0.5);
        console.log().info("between");
        console.close();
        String raw = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(raw.contains("\u001B[1mlinux/amd64 [==========          ]  50%\u001B[0m"), raw);
        Set<String> escapes = new HashSet<>();
        var matcher = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]").matcher(raw);
        while (matcher.find()) {
            escapes.add(matcher.group().replaceAll("[0-9]+A", "nA"));
        }
        assertEquals(Set.of("\u001B[1m", "\u001B[0m", "\u001B[nA", "\u001B[0J"), escapes);
        assertFalse(screen().stream().anyMatch(r -> BAR.matcher(r).find()), "footer left after close: " + screen());
    }

    private static String last(List<String> rows) {
        return rows.get(rows.size() - 1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
