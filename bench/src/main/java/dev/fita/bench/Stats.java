package dev.fita.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** min / median / max of a few timings, and one markdown table row. */
final class Stats {

    private Stats() {}

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** | what | runs | min | median | max | ratio | target | met? | */
    static String row(String what, List<Double> xs, String unit, String ratio, String target, Boolean met) {
        return String.format(Locale.ROOT, "| %s | %d | %.2f %s | **%.2f %s** | %.2f %s | %s | %s | %s |", what, xs.size(),
                Collections.min(xs), unit, median(xs), unit, Collections.max(xs), unit, ratio, target,
                met == null ? "" : met ? "met" : "missed");
    }
}
