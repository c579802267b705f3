package dev.fita.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a Maven build's time goes, from a JFR recording: execution samples (threads running Java code)
 * and native-method samples (threads in I/O or other native code), counted per package group (the
 * first frame from the top in one of {@link #GROUPS}), per top frame, and inclusively per fita or Jib
 * method. A window ({@code from}/{@code to}, local time as Maven's timestamped log shows it) and a
 * thread name narrow the samples to one goal or one thread.
 *
 * <pre>JfrTop &lt;recording.jfr&gt; [--from=HH:mm:ss.SSS] [--to=HH:mm:ss.SSS] [--thread=NAME] [topN]</pre>
 */
public final class JfrTop {

    /** JFR settings for {@code -XX:StartFlightRecording=settings=…}: samples every 2 ms (Java) and 5 ms (native). */
    static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="fita bench">
              <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">2 ms</setting></event>
              <event name="jdk.NativeMethodSample"><setting name="enabled">true</setting><setting name="period">5 ms</setting></event>
            </configuration>
            """;
    private static final List<String> GROUPS = List.of("dev.fita.", "com.google.cloud.tools.jib.", "org.apache.maven.",
            "org.eclipse.aether.", "org.codehaus.plexus.", "com.google.api.client.", "org.apache.http.",
            "java.util.zip.", "sun.security.", "sun.nio.", "java.");

    private JfrTop() {}

    public static void main(String[] args) throws IOException {
        LocalTime from = null;
        LocalTime to = null;
        String thread = null;
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--from=")) {
                from = LocalTime.parse(a.substring(7));
            } else if (a.startsWith("--to=")) {
                to = LocalTime.parse(a.substring(5));
            } else if (a.startsWith("--thread=")) {
                thread = a.substring(9);
            } else {
                rest.add(a);
            }
        }
        System.out.print(summary(Path.of(rest.get(0)), from, to, thread, rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 25));
    }

    static String summary(Path file, LocalTime from, LocalTime to, String thread, int top) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String type : List.of("jdk.ExecutionSample", "jdk.NativeMethodSample")) {
            report(out, file, type, from, to, thread, top);
        }
        return out.toString();
    }

    private static void report(StringBuilder out, Path file, String type, LocalTime from, LocalTime to, String thread,
            int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> groups = new HashMap<>();
        int total = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent e = recording.readEvent();
                if (!e.getEventType().getName().equals(type) || e.getStackTrace() == null
                        || !selected(e, from, to, thread) || e.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                total++;
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                String group = null;
                for (RecordedFrame f : frames) {
                    String m = name(f.getMethod());
                    if ((m.startsWith("dev.fita.") || m.startsWith("com.google.cloud.tools.jib.")) && seen.add(m)) {
                        inclusive.merge(m, 1, Integer::sum);
                    }
                    if (group == null) {
                        group = GROUPS.stream().filter(m::startsWith).findFirst().orElse(null);
                    }
                }
                groups.merge(group == null ? "other" : group, 1, Integer::sum);
            }
        }
        out.append(String.format(Locale.ROOT, "%n== %s: %d samples%n-- by package of the top-most known frame%n", type, total));
        print(out, groups, total, top);
        out.append("-- top frames (self)\n");
        print(out, self, total, top);
        out.append("-- fita and Jib methods (inclusive)\n");
        print(out, inclusive, total, top);
    }

    private static boolean selected(RecordedEvent e, LocalTime from, LocalTime to, String thread) {
        LocalTime t = LocalTime.ofInstant(e.getStartTime(), ZoneId.systemDefault());
        if ((from != null && t.isBefore(from)) || (to != null && t.isAfter(to))) {
            return false;
        }
        RecordedThread th = thread == null ? null : e.getThread("sampledThread");
        return thread == null || th != null && th.getJavaName() != null && th.getJavaName().contains(thread);
    }

    private static void print(StringBuilder out, Map<String, Integer> counts, int total, int top) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(en -> sorted.put(en.getKey(), en.getValue()));
        sorted.forEach((k, v) -> out.append(String.format(Locale.ROOT, "%6d %5.1f%%  %s%n", v, 100.0 * v / Math.max(1, total), k)));
    }

    private static String name(RecordedMethod m) {
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }
}
