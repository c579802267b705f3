package dev.fita.oci;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The platform of an index entry or image config. Field order follows the Go structs of the OCI
 * spec, so {@code new Platform("zephyr","arm","v7")} serializes as
 * {@code {"architecture":"arm","os":"zephyr","variant":"v7"}}.
 */
@JsonPropertyOrder({"architecture", "os", "os.version", "os.features", "variant"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Platform(
        @JsonProperty("os") String os,
        @JsonProperty("architecture") String architecture,
        @JsonProperty("variant") String variant,
        @JsonProperty("os.version") String osVersion,
        @JsonProperty("os.features") List<String> osFeatures) {

    private static final Pattern PART = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public Platform {
        if (os == null || os.isEmpty() || architecture == null || architecture.isEmpty()) {
            throw new InvalidPlatformException("a platform needs both os and architecture (got os '"
                    + os + "', architecture '" + architecture + "')");
        }
        variant = emptyToNull(variant);
        osVersion = emptyToNull(osVersion);
        osFeatures = osFeatures == null ? List.of() : List.copyOf(osFeatures);
    }

    public Platform(String os, String architecture, String variant) {
        this(os, architecture, variant, null, null);
    }

    public Platform(String os, String architecture) {
        this(os, architecture, null, null, null);
    }

    /** Parses {@code os/architecture[/variant]}, e.g. {@code linux/arm64} or {@code zephyr/arm/v7}. */
    public static Platform parse(String value) {
        String trimmed = value == null ? "" : value.trim();
        String[] parts = trimmed.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new InvalidPlatformException("'" + value
                    + "' is not a platform: expected os/architecture[/variant], e.g. linux/arm64 or zephyr/arm/v7");
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                throw new InvalidPlatformException("'" + value + "' is not a platform: '" + part
                        + "' must be lowercase letters, digits, '.', '_' or '-' (expected os/architecture[/variant])");
            }
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /**
     * Whether this platform satisfies {@code target}, by oras-go's rule: os and architecture equal;
     * variant and os.version compared only when the target sets them; the target's os.features a
     * subset of ours.
     */
    public boolean matches(Platform target) {
        return os.equals(target.os)
                && architecture.equals(target.architecture)
                && (target.variant == null || target.variant.equals(variant))
                && (target.osVersion == null || target.osVersion.equals(osVersion))
                && osFeatures.containsAll(target.osFeatures);
    }

    /** The same platform without os.version and os.features. */
    public Platform withoutExtras() {
        return new Platform(os, architecture, variant);
    }

    /** {@code os/architecture[/variant]}. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
