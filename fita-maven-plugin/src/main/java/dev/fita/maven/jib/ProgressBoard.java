package dev.fita.maven.jib;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One live line for all platforms building in parallel, redrawn in place, e.g.
 * {@code linux/amd64 [======    ] 60%  linux/arm64 [===       ] 30%}. Separate bars per thread
 * would overwrite each other on the same terminal line.
 */
public final class ProgressBoard {
    private static final int BAR_WIDTH = 10;

    private final PrintStream terminal;
    private final Map<String, Integer> percents = new LinkedHashMap<>();
    private String lastLine = "";

    public ProgressBoard(PrintStream terminal) {
        this.terminal = terminal;
    }

    /** Registers the labels up front so the order on the line follows the configuration. */
    public synchronized void add(String label) {
        percents.putIfAbsent(label, 0);
    }

    public synchronized void update(String label, int percent) {
        percents.put(label, percent);
        String line = render();
        if (!line.equals(lastLine)) {
            lastLine = line;
            boolean done = percents.values().stream().allMatch(p -> p >= 100);
            terminal.print("\r" + line + (done ? System.lineSeparator() : ""));
            terminal.flush();
        }
    }

    synchronized String render() {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Integer> entry : percents.entrySet()) {
            int filled = entry.getValue() * BAR_WIDTH / 100;
            if (line.length() > 0) {
                line.append("  ");
            }
            line.append(entry.getKey()).append(" [").append("=".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled))
                    .append("] ").append(String.format("%3d%%", entry.getValue()));
        }
        return line.toString();
    }
}
