package dev.fita.maven.console;

import java.util.Locale;

/** The text of progress lines, shared by the footer and the plain lines. */
final class ProgressBar {
    private ProgressBar() {}

    /** {@code [=====     ]} for 0.5 at width 10. */
    static String bar(double fraction, int width) {
        int filled = (int) Math.floor(clamp(fraction) * width + 1e-6);
        return "[" + "=".repeat(filled) + " ".repeat(width - filled) + "]";
    }

    static int percent(double fraction) {
        // Jib's progress is a sum of fractions of fractions: a finished build can add up to 0.99999….
        return (int) Math.floor(clamp(fraction) * 100 + 1e-6);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1_000_000.0);
    }

    private static double clamp(double fraction) {
        return Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    }
}
