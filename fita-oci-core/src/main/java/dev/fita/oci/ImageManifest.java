package dev.fita.oci;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An OCI image manifest (or Docker v2.2 manifest, which has the same shape). Fields this model
 * does not know are kept in {@code extra} so that a read-modify-write does not lose them.
 */
@JsonPropertyOrder({"schemaVersion", "mediaType", "artifactType", "config", "layers", "subject", "annotations"})
public record ImageManifest(
        int schemaVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) String mediaType,
        @JsonInclude(JsonInclude.Include.NON_NULL) String artifactType,
        Descriptor config,
        List<Descriptor> layers,
        @JsonInclude(JsonInclude.Include.NON_NULL) Descriptor subject,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> annotations,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ImageManifest {
        if (schemaVersion != 2) {
            throw new InvalidDocumentException("image manifest has schemaVersion " + schemaVersion + ", expected 2");
        }
        if (config == null) {
            throw new InvalidDocumentException("image manifest has no config descriptor");
        }
        layers = layers == null ? List.of() : List.copyOf(layers);
        annotations = annotations == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** An OCI image manifest with the given config and layers. */
    public static ImageManifest oci(Descriptor config, List<Descriptor> layers, Map<String, String> annotations) {
        return new ImageManifest(2, MediaTypes.OCI_MANIFEST, null, config, layers, null, annotations, null);
    }

    public byte[] toJson() {
        return Json.write(this);
    }

    public static ImageManifest fromJson(byte[] bytes) {
        return Json.read(bytes, ImageManifest.class, "image manifest");
    }
}
