package dev.fita.maven.it.diff;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a candidate image with Jib's, platform by platform: the index and media types, the
 * config (entrypoint, cmd, env, ports, volumes, labels, user, working directory, creation time),
 * the files of each layer, and the filesystem all layers give (path, type, mode, uid, gid, size,
 * mtime, link target, content). Differences of the same kind are grouped, naming their paths.
 */
final class ImageComparator {

    /** Shown for "nothing there": no variant, no such entry. */
    static final String NONE = "-";
    static final String MISSING = "missing";
    static final String UNSET = "(unset)";
    private static final int LISTED_PATHS = 8;
    /**
     * Two creation times within this much before the comparison are both "now" (Jib's
     * USE_CURRENT_TIMESTAMP), so two builds a few seconds apart still agree.
     */
    private static final Duration RECENT = Duration.ofHours(1);

    private final Instant now;

    ImageComparator(Instant now) {
        this.now = now;
    }

    List<Difference> compare(ImageSnapshot jib, ImageSnapshot candidate) {
        List<Difference> out = new ArrayList<>();
        add(out, "*", "image.mediaType", "", jib.mediaType(), candidate.mediaType());
        for (ImageSnapshot.OtherEntry e : jib.otherEntries()) {
            out.add(new Difference(e.platform(), "index.entry", "", e.kind(), NONE));
        }
        for (ImageSnapshot.OtherEntry e : candidate.otherEntries()) {
            out.add(new Difference(e.platform(), "index.entry", "", NONE, e.kind()));
        }
        Set<String> platforms = new TreeSet<>(jib.platforms().keySet());
        platforms.addAll(candidate.platforms().keySet());
        for (String p : platforms) {
            ImageSnapshot.PlatformImage a = jib.platforms().get(p);
            ImageSnapshot.PlatformImage b = candidate.platforms().get(p);
            if (a == null || b == null) {
                out.add(new Difference(p, "platform", "", a == null ? MISSING : "present", b == null ? MISSING : "present"));
            } else {
                comparePlatform(out, p, a, b);
            }
        }
        return group(out).stream().map(d -> {
            AllowedDifference rule = AllowedDifference.of(d);
            return rule == null ? d : d.allowedBy(rule);
        }).toList();
    }

    private void comparePlatform(List<Difference> out, String p, ImageSnapshot.PlatformImage a,
            ImageSnapshot.PlatformImage b) {
        add(out, p, "platform.variant", "", a.variant(), b.variant());
        add(out, p, "manifest.mediaType", "", a.manifestMediaType(), b.manifestMediaType());
        add(out, p, "config.mediaType", "", a.configMediaType(), b.configMediaType());
        for (int i = 0; i < Math.min(a.layerMediaTypes().size(), b.layerMediaTypes().size()); i++) {
            add(out, p, "layer.mediaType", "layer[" + i + "]", a.layerMediaTypes().get(i), b.layerMediaTypes().get(i));
        }
        compareConfig(out, p, a.config(), b.config());
        compareLayers(out, p, a.layers(), b.layers());
        compareFiles(out, p, flatten(a.layers()), flatten(b.layers()));
    }

    private void compareConfig(List<Difference> out, String p, ImageConfig a, ImageConfig b) {
        add(out, p, "config.variant", "", a.variant(), b.variant());
        Map<String, Object> fa = a.fields();
        Map<String, Object> fb = b.fields();
        for (String field : fa.keySet()) {
            add(out, p, field, "", show(fa.get(field)), show(fb.get(field)));
        }
        compareMap(out, p, "config.env", a.env(), b.env());
        compareMap(out, p, "config.label", a.labels(), b.labels());
        if (!sameCreationTime(a.created(), b.created())) {
            out.add(new Difference(p, "config.created", "", show(a.created()), show(b.created())));
        }
    }

    private static void compareMap(List<Difference> out, String p, String field, Map<String, String> a,
            Map<String, String> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            String va = a.containsKey(k) ? a.get(k) : UNSET;
            String vb = b.containsKey(k) ? b.get(k) : UNSET;
            if (!va.equals(vb)) {
                out.add(new Difference(p, field, k, va, vb));
            }
        }
    }

    private boolean sameCreationTime(String a, String b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        try {
            Instant ia = Instant.parse(a);
            Instant ib = Instant.parse(b);
            return ia.equals(ib) || (recent(ia) && recent(ib));
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    private boolean recent(Instant t) {
        return !t.isBefore(now.minus(RECENT)) && !t.isAfter(now.plus(Duration.ofMinutes(5)));
    }

    /** Jib's layer split: which paths each layer holds, layer by layer. */
    private static void compareLayers(List<Difference> out, String p, List<List<FileEntry>> a, List<List<FileEntry>> b) {
        add(out, p, "layers.count", "", Integer.toString(a.size()), Integer.toString(b.size()));
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            Set<String> pa = paths(i < a.size() ? a.get(i) : List.of());
            Set<String> pb = paths(i < b.size() ? b.get(i) : List.of());
            if (!pa.equals(pb)) {
                out.add(new Difference(p, "layer.files", "layer[" + i + "]", layerSummary(pa, pb), layerSummary(pb, pa)));
            }
        }
    }

    private static String layerSummary(Set<String> these, Set<String> others) {
        Set<String> only = new TreeSet<>(these);
        only.removeAll(others);
        return these.size() + " entries" + (only.isEmpty() ? "" : ", only here: " + list(only));
    }

    private static void compareFiles(List<Difference> out, String p, Map<String, FileEntry> a, Map<String, FileEntry> b) {
        Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        for (String path : paths) {
            FileEntry fa = a.get(path);
            FileEntry fb = b.get(path);
            if (fa == null || fb == null) {
                out.add(new Difference(p, "file", path, fa == null ? MISSING : kind(fa), fb == null ? MISSING : kind(fb)));
                continue;
            }
            Map<String, String> aa = fa.attributes();
            Map<String, String> ab = fb.attributes();
            for (String attribute : aa.keySet()) {
                add(out, p, "file." + attribute, path, aa.get(attribute), ab.get(attribute));
            }
        }
    }

    private static String kind(FileEntry e) {
        return e.type().name().toLowerCase(java.util.Locale.ROOT) + " " + String.format("%04o", e.mode());
    }

    /** The filesystem the layers give, in order, with OCI whiteouts applied. */
    static Map<String, FileEntry> flatten(List<List<FileEntry>> layers) {
        TreeMap<String, FileEntry> fs = new TreeMap<>();
        for (List<FileEntry> layer : layers) {
            for (FileEntry e : layer) {
                int slash = e.path().lastIndexOf('/');
                String dir = e.path().substring(0, slash);
                String base = e.path().substring(slash + 1);
                if (base.equals(".wh..wh..opq")) {
                    fs.subMap(dir + "/", dir + "0").clear();
                } else if (base.startsWith(".wh.")) {
                    String victim = dir + "/" + base.substring(4);
                    fs.remove(victim);
                    fs.subMap(victim + "/", victim + "0").clear();
                } else {
                    fs.put(e.path(), e);
                }
            }
        }
        return fs;
    }

    private static Set<String> paths(List<FileEntry> layer) {
        Set<String> out = new TreeSet<>();
        layer.forEach(e -> out.add(e.path()));
        return out;
    }

    private static void add(List<Difference> out, String p, String field, String where, String a, String b) {
        String va = show(a);
        String vb = show(b);
        if (!va.equals(vb)) {
            out.add(new Difference(p, field, where, va, vb));
        }
    }

    private static String show(Object value) {
        if (value == null || "".equals(value)) {
            return NONE;
        }
        return value.toString();
    }

    /**
     * Merges differences that say the same thing on the same platform, listing their paths; then
     * those that are the same on several platforms, listing the platforms.
     */
    private static List<Difference> group(List<Difference> in) {
        Map<List<String>, List<String>> wheres = new LinkedHashMap<>();
        for (Difference d : in) {
            wheres.computeIfAbsent(List.of(d.platform(), d.field(), d.jib(), d.candidate()), k -> new ArrayList<>())
                    .add(d.where());
        }
        Map<List<String>, List<String>> platforms = new LinkedHashMap<>();
        wheres.forEach((k, w) -> platforms.computeIfAbsent(List.of(k.get(1), list(w), k.get(2), k.get(3)),
                x -> new ArrayList<>()).add(k.get(0)));
        List<Difference> out = new ArrayList<>();
        platforms.forEach((k, p) -> out.add(new Difference(String.join(", ", p), k.get(0), k.get(1), k.get(2), k.get(3))));
        return out;
    }

    private static String list(java.util.Collection<String> items) {
        List<String> nonEmpty = items.stream().filter(s -> !s.isEmpty()).toList();
        if (nonEmpty.size() <= LISTED_PATHS) {
            return String.join(", ", nonEmpty);
        }
        return String.join(", ", nonEmpty.subList(0, LISTED_PATHS)) + " (+" + (nonEmpty.size() - LISTED_PATHS) + " more)";
    }
}
