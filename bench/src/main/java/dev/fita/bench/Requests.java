package dev.fita.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts what a client asked the registry, from docker-registry's "response completed" log lines. */
final class Requests {

    /** The registry quotes a URI only when it holds special characters (a query): both forms. */
    private static final Pattern LINE = Pattern.compile(
            "http\\.request\\.method=(\\w+) .*http\\.request\\.uri=(?:\"([^\"]*)\"|(\\S+)).*http\\.response\\.status=(\\d+)");

    private Requests() {}

    static String summary(List<String> lines) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : lines) {
            if (!line.contains("response completed")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            String uri = m.group(2) != null ? m.group(2) : m.group(3);
            counts.merge(kind(m.group(1), uri, m.group(4)), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
        return b.length() == 0 ? "none" : b.toString();
    }

    private static String kind(String method, String uri, String status) {
        String path = uri.replaceFirst("\\?.*", "");
        if (uri.contains("mount=")) {
            return "mount " + ("201".equals(status) ? "ok" : "declined");
        }
        if (path.equals("/v2/")) {
            return "ping";
        }
        String what = path.contains("/blobs/uploads") ? "upload" : path.contains("/blobs/") ? "blob"
                : path.contains("/manifests/") ? "manifest" : path.contains("/tags/") ? "tags" : "other";
        return String.format(Locale.ROOT, "%s %s %s", method, what, status);
    }
}
