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
 * An OCI image index (or Docker manifest list, which has the same shape). Unknown fields survive
 * a read-modify-write through {@code extra}.
 */
@JsonPropertyOrder({"schemaVersion", "mediaType", "artifactType", "manifests", "subject", "annotations"})
public record ImageIndex(
        int schemaVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) String mediaType,
        @JsonInclude(JsonInclude.Include.NON_NULL) String artifactType,
        List<Descriptor> manifests,
        @JsonInclude(JsonInclude.Include.NON_NULL) Descriptor subject,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> annotations,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ImageIndex {
        if (schemaVersion != 2) {
            throw new InvalidDocumentException("image index has schemaVersion " + schemaVersion + ", expected 2");
        }
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        annotations = annotations == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** An OCI image index of these entries. */
    public static ImageIndex oci(List<Descriptor> manifests, Map<String, String> annotations) {
        return new ImageIndex(2, MediaTypes.OCI_INDEX, null, manifests, null, annotations, null);
    }

    public ImageIndex withManifests(List<Descriptor> newManifests) {
        return new ImageIndex(schemaVersion, mediaType, artifactType, newManifests, subject, annotations, extra);
    }

    public byte[] toJson() {
        return Json.write(this);
    }

    public static ImageIndex fromJson(byte[] bytes) {
        return Json.read(bytes, ImageIndex.class, "image index");
    }
}
