package dev.fita.maven.console;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live lines under the log in a terminal, one per progress (a platform's build, a push). Before a
 * log line is written the footer is erased (cursor up over it, erase to the end of the screen), so the
 * log line takes its place; then the footer is drawn again below. One lock serialises the log lines and
 * footer changes of every thread (Jib's build threads, the blob upload threads), and the footer is
 * written to the stream Maven's log writes to, so the two never interleave. Each footer line ends with
 * a line break: a stray line from elsewhere then lands below the footer, never inside one of its lines.
 */
final class Footer {
    /** Longer lines are cut: a line that wraps in a narrow terminal would make the erase miss a row. */
    static final int MAX_WIDTH = 60;
    private static final String BOLD = "\u001B[1m";
    private static final String NORMAL = "\u001B[0m";
    private static final String ERASE_BELOW = "\u001B[0J";

    private final PrintStream terminal;
    private final Map<Object, String> lines = new LinkedHashMap<>();
    private int drawnRows;

    Footer(PrintStream terminal) {
        this.terminal = terminal;
    }

    /** Runs {@code write}, which writes whole log lines, with the footer out of the way. */
    synchronized void around(Runnable write) {
        if (drawnRows > 0) {
            terminal.print(erase());
            terminal.flush();
        }
        try {
            write.run();
        } finally {
            terminal.print(draw());
            terminal.flush();
        }
    }

    /** Adds or replaces the line of {@code owner}; the footer keeps the order in which owners first appear. */
    synchronized void set(Object owner, String line) {
        String shown = line.length() > MAX_WIDTH ? line.substring(0, MAX_WIDTH - 3) + "..." : line;
        if (!shown.equals(lines.put(owner, shown))) {
            redraw();
        }
    }

    synchronized void remove(Object owner) {
        if (lines.remove(owner) != null) {
            redraw();
        }
    }

    /** Erases the footer for good: the goal is over (or failed), Maven's own lines follow. */
    synchronized void clear() {
        lines.clear();
        redraw();
    }

    private void redraw() {
        terminal.print(erase() + draw());
        terminal.flush();
    }

    private String erase() {
        String erase = drawnRows == 0 ? "" : "\r\u001B[" + drawnRows + "A" + ERASE_BELOW;
        drawnRows = 0;
        return erase;
    }

    private String draw() {
        StringBuilder out = new StringBuilder();
        for (String line : lines.values()) {
            out.append(BOLD).append(line).append(NORMAL).append(System.lineSeparator());
        }
        drawnRows = lines.size();
        return out.toString();
    }
}
