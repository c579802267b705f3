package dev.fita.oci.embserve;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.fita.oci.Annotations;
import dev.fita.oci.Blob;
import dev.fita.oci.Descriptor;
import dev.fita.oci.ImageManifest;
import dev.fita.oci.Json;
import dev.fita.oci.MediaTypes;
import dev.fita.oci.Platform;
import dev.fita.oci.PlatformSpelling;

/**
 * The embServe artifact in the shape {@code oras push --config config.json:<oci config>
 * service.json:application/vnd.embserve.v1+json} makes, which FITA's far-edge kubelet pulls:
 * an OCI image manifest (no artifactType) with the platform config and exactly one layer, the
 * service.json bytes titled {@code service.json}.
 */
public record EmbServeArtifact(Platform platform, Blob config, Blob service, Blob manifest) {

    public static final Platform DEFAULT_PLATFORM = Platform.parse("zephyr/arm/v7");

    /** The file name the far-edge kubelet reads from its oras file store, whatever the source file is called. */
    public static final String SERVICE_TITLE = "service.json";

    public EmbServeArtifact {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(manifest, "manifest");
    }

    /**
     * Builds the artifact. {@code configJsonOrNull} is the user's config.json, used unchanged
     * after checking it agrees with {@code platform}; without it the config is generated from
     * the platform. {@code createdOrNull} becomes {@code org.opencontainers.image.created}
     * (whole seconds, UTC); without it the annotation is left out so the digest is reproducible.
     */
    public static EmbServeArtifact build(ServiceFile service, byte[] configJsonOrNull,
            Path configPathForMessagesOrNull, Platform platform, Instant createdOrNull) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(platform, "platform");
        byte[] configBytes = configJsonOrNull == null
                ? Json.write(platform.withoutExtras())
                : checkedConfig(configJsonOrNull,
                        configPathForMessagesOrNull == null ? "config.json" : configPathForMessagesOrNull.toString(),
                        platform);
        Blob config = Blob.of(MediaTypes.OCI_CONFIG, configBytes);
        byte[] serviceBytes = service.bytes();
        Blob layer = new Blob(Descriptor.of(MediaTypes.EMBSERVE_SERVICE, serviceBytes)
                .withAnnotation(Annotations.TITLE, SERVICE_TITLE), serviceBytes);
        Map<String, String> annotations = createdOrNull == null
                ? Map.of()
                : Map.of(Annotations.CREATED, created(createdOrNull));
        ImageManifest manifest = ImageManifest.oci(config.descriptor(), List.of(layer.descriptor()), annotations);
        return new EmbServeArtifact(platform, config, layer, Blob.of(MediaTypes.OCI_MANIFEST, manifest.toJson()));
    }

    /** Builds for {@link #DEFAULT_PLATFORM} with a generated config. */
    public static EmbServeArtifact build(ServiceFile service, Instant createdOrNull) {
        return build(service, null, null, DEFAULT_PLATFORM, createdOrNull);
    }

    /** Config, service layer, manifest: the order to write or push them (a manifest after what it references). */
    public List<Blob> blobs() {
        return List.of(config, service, manifest);
    }

    /** Whether {@code manifest} is an embServe artifact: it has a layer of the embServe media type. */
    public static boolean isArtifact(ImageManifest manifest) {
        return manifest.layers().stream().anyMatch(l -> MediaTypes.EMBSERVE_SERVICE.equals(l.mediaType()));
    }

    /** The manifest's descriptor with the platform set: the artifact's entry in the image index. */
    public Descriptor indexEntry() {
        return manifest.descriptor().withPlatform(platform);
    }

    /** RFC 3339 in UTC with whole seconds, as oras writes it, e.g. {@code 2026-01-01T00:00:00Z}. */
    static String created(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The user's config must be a JSON object whose os and architecture equal the platform's. Its
     * variant may be left out (the index entry carries the platform's variant), but when present
     * it must equal the platform's; a variant the platform does not have is a disagreement too.
     */
    private static byte[] checkedConfig(byte[] bytes, String file, Platform platform) {
        ObjectNode root = JsonSource.readObject(bytes, file, InvalidConfigException::new);
        checkSpelling(root, file);
        agree(root, "os", platform.os(), true, file, platform);
        agree(root, "architecture", platform.architecture(), true, file, platform);
        agree(root, "variant", platform.variant(), false, file, platform);
        return bytes;
    }

    /**
     * A config written with FITA's {@code zephyr/armv7} spelling names the OCI one, rather than only the
     * field that disagrees. A variant left out stays allowed (the index entry carries it).
     */
    private static void checkSpelling(ObjectNode root, String file) {
        JsonNode os = root.get("os");
        JsonNode architecture = root.get("architecture");
        JsonNode variant = root.get("variant");
        if (os == null || !os.isTextual() || architecture == null || !architecture.isTextual()
                || (variant != null && !variant.isTextual())) {
            return;  // agree() names the missing or mistyped field
        }
        String variantOrNull = variant == null ? null : variant.textValue();
        PlatformSpelling.check(os.textValue(), architecture.textValue(), variantOrNull)
                .filter(m -> variantOrNull != null || !m.canonical().os().equals(os.textValue())
                        || !m.canonical().architecture().equals(architecture.textValue()))
                .ifPresent(m -> {
                    throw new InvalidConfigException(file + ": fields 'os', 'architecture' and 'variant': "
                            + m.sentence());
                });
    }

    private static void agree(ObjectNode root, String field, String expected, boolean required, String file,
            Platform platform) {
        JsonNode node = root.get(field);
        if (node == null) {
            if (required) {
                throw new InvalidConfigException(file + ": field '" + field + "' is required and must be '"
                        + expected + "' for platform " + platform);
            }
            return;
        }
        if (!node.isTextual()) {
            throw new InvalidConfigException(file + ": field '" + field + "' must be a string, not "
                    + JsonSource.kind(node));
        }
        String actual = node.textValue();
        if (expected == null) {
            throw new InvalidConfigException(file + ": field '" + field + "' is '" + actual
                    + "' but platform " + platform + " has no " + field);
        }
        if (!actual.equals(expected)) {
            throw new InvalidConfigException(file + ": field '" + field + "' is '" + actual
                    + "' but platform " + platform + " has " + field + " '" + expected + "'");
        }
    }
}
