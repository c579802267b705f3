package dev.fita.bench;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each goal's time in a Maven log with {@code -Dorg.slf4j.simpleLogger.showDateTime=true}: from its
 * {@code --- plugin:version:goal} line to the next goal's line or BUILD SUCCESS. Goals that run more than
 * once add up.
 */
final class Goals {

    static final String MAVEN_OPTS =
            "-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS";
    private static final Pattern TS = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) ");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Goals() {}

    /** {@code plugin:goal} → seconds, in the order they ran; "fita:build", "jib:build", "compiler:compile" … */
    static Map<String, Double> parse(String log) {
        Map<String, Double> goals = new LinkedHashMap<>();
        String goal = null;
        LocalTime start = null;
        for (String line : log.split("\n")) {
            Matcher m = TS.matcher(line);
            if (!m.find()) {
                continue;
            }
            boolean header = line.contains("[INFO] --- ");
            LocalTime at = LocalTime.parse(m.group(1), TIME);
            if ((header || line.contains("BUILD SUCCESS")) && goal != null) {
                goals.merge(goal, seconds(start, at), Double::sum);
                goal = null;
            }
            if (header) {
                String[] parts = line.substring(line.indexOf("--- ") + 4).split(" ");
                goal = parts[0].replaceFirst(":[^:]+:", ":");
                start = at;
            }
        }
        return goals;
    }

    /** The first time stamp of a line containing {@code marker}, or null. */
    static LocalTime at(String log, String marker) {
        for (String line : log.split("\n")) {
            Matcher m = TS.matcher(line);
            if (m.find() && line.contains(marker)) {
                return LocalTime.parse(m.group(1), TIME);
            }
        }
        return null;
    }

    static String summary(Map<String, Double> goals) {
        StringBuilder b = new StringBuilder();
        goals.forEach((g, s) -> b.append(String.format(Locale.ROOT, "%s %.2fs; ", g, s)));
        return b.toString();
    }

    private static double seconds(LocalTime from, LocalTime to) {
        long ms = Duration.between(from, to).toMillis();
        return (ms < 0 ? ms + 86_400_000 : ms) / 1000.0;
    }
}
