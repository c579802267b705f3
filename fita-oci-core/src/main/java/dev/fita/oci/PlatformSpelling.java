package dev.fita.oci;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Platform spellings that parse but that no puller selects, and the OCI spelling to write instead.
 * OCI index entries use Go's GOOS/GOARCH names and put the ARM version in {@code variant}; oras-go
 * (FITA's far-edge kubelet) and jib-core's base-image selection compare the strings exactly, so
 * {@code zephyr/armv7} or {@code linux/aarch64} builds an entry nobody pulls. The table follows
 * containerd's {@code platforms.Normalize} and adds the {@code uname -m} and Debian names it leaves
 * alone. Spellings not in the table pass unchanged: custom platforms stay possible.
 */
public final class PlatformSpelling {

    /** Architecture aliases: alias → {GOARCH, implied variant or null}. */
    private static final Map<String, String[]> ARCHITECTURES = Map.ofEntries(
            Map.entry("x86_64", arch("amd64")), Map.entry("x86-64", arch("amd64")), Map.entry("x64", arch("amd64")),
            Map.entry("i386", arch("386")), Map.entry("i486", arch("386")), Map.entry("i586", arch("386")),
            Map.entry("i686", arch("386")),
            Map.entry("aarch64", arch("arm64")), Map.entry("arm64v8", arch("arm64")), Map.entry("armv8", arch("arm64")),
            Map.entry("armhf", arm("v7")), Map.entry("armv7", arm("v7")), Map.entry("armv7l", arm("v7")),
            Map.entry("armv7hl", arm("v7")), Map.entry("arm32v7", arm("v7")),
            Map.entry("armel", arm("v6")), Map.entry("armv6", arm("v6")), Map.entry("armv6l", arm("v6")),
            Map.entry("arm32v6", arm("v6")),
            Map.entry("armv5", arm("v5")), Map.entry("armv5l", arm("v5")), Map.entry("armv5tel", arm("v5")),
            Map.entry("arm32v5", arm("v5")),
            Map.entry("armv8l", arm("v8")),
            Map.entry("ppc64el", arch("ppc64le")), Map.entry("powerpc64le", arch("ppc64le")),
            Map.entry("mipsel", arch("mipsle")), Map.entry("mips64el", arch("mips64le")));

    private static final Map<String, String> OPERATING_SYSTEMS = Map.of("macos", "darwin", "osx", "darwin");

    /** An ARM variant written without its {@code v} or with the architecture in front: 7, armv7, v7l. */
    private static final Pattern ARM_VARIANT = Pattern.compile("(?:arm)?v?(\\d+)l?");

    private PlatformSpelling() {}

    /** A spelling that is not the OCI one, with the spelling to write instead. */
    public record Misspelling(String written, Platform canonical) {

        /** One sentence: what was written, why it is not selected, and what to write. */
        public String sentence() {
            String why;
            if (!written.equals(written.toLowerCase(Locale.ROOT))) {
                why = "platform names are lowercase and pullers compare them exactly";
            } else if ("zephyr".equals(canonical.os())) {
                why = "FITA's far-edge kubelet asks for zephyr/arm/v7 and compares os, architecture and variant exactly";
            } else {
                why = "OCI uses Go's os and architecture names with the ARM version as the variant, and pullers"
                        + " such as oras-go and jib compare them exactly";
            }
            return "'" + written + "' is not a platform as OCI spells it: " + why + "; write " + canonical
                    + " (os " + canonical.os() + ", architecture " + canonical.architecture()
                    + (canonical.variant() == null ? "" : ", variant " + canonical.variant()) + ")";
        }
    }

    /**
     * {@link Platform#parse}, refusing a known misspelling with a {@link NonCanonicalPlatformException}
     * that names the OCI spelling.
     */
    public static Platform parse(String value) {
        Optional<Misspelling> misspelling = check(value);
        if (misspelling.isPresent()) {
            throw new NonCanonicalPlatformException(misspelling.get());
        }
        return Platform.parse(value);
    }

    /**
     * The misspelling in {@code os/architecture[/variant]}, if it is one. Empty for the OCI spelling,
     * for spellings not in the table, and for strings that are no platform at all ({@link Platform#parse}
     * explains those).
     */
    public static Optional<Misspelling> check(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.trim().split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            return Optional.empty();
        }
        return check(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** Like {@link #check(String)} for the three fields; {@code variant} may be null. */
    public static Optional<Misspelling> check(String os, String architecture, String variant) {
        String written = os + "/" + architecture + (variant == null ? "" : "/" + variant);
        String canonical = canonical(os.toLowerCase(Locale.ROOT), architecture.toLowerCase(Locale.ROOT),
                variant == null ? null : variant.toLowerCase(Locale.ROOT));
        if (canonical.equals(written)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Misspelling(written, Platform.parse(canonical)));
        } catch (InvalidPlatformException e) {
            return Optional.empty();  // not a platform even when respelled: Platform.parse says why
        }
    }

    private static String canonical(String os, String architecture, String variant) {
        String canonicalOs = OPERATING_SYSTEMS.getOrDefault(os, os);
        String[] alias = ARCHITECTURES.get(architecture);
        String canonicalArchitecture = alias == null ? architecture : alias[0];
        String canonicalVariant = variant;
        if (variant == null && alias != null) {
            canonicalVariant = alias[1];
        }
        if (canonicalVariant != null && canonicalArchitecture.startsWith("arm")) {
            Matcher m = ARM_VARIANT.matcher(canonicalVariant);
            if (m.matches()) {
                canonicalVariant = "v" + m.group(1);
            }
        }
        // oras-go compares the variant whenever the target names one, and the far-edge kubelet asks for v7;
        // containerd would read a bare arm as arm/v7 too. (linux/arm stays: Jib poms write it, runtimes normalise it.)
        if ("zephyr".equals(canonicalOs) && "arm".equals(canonicalArchitecture) && canonicalVariant == null) {
            canonicalVariant = "v7";
        }
        return canonicalOs + "/" + canonicalArchitecture + (canonicalVariant == null ? "" : "/" + canonicalVariant);
    }

    private static String[] arch(String goarch) {
        return new String[] {goarch, null};
    }

    private static String[] arm(String variant) {
        return new String[] {"arm", variant};
    }
}
