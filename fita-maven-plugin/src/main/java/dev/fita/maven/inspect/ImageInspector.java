package dev.fita.maven.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.image.BuiltImage;
import dev.fita.oci.Annotations;
import dev.fita.oci.Descriptor;
import dev.fita.oci.content.MemoryStorage;
import dev.fita.oci.content.OverlayStorage;
import dev.fita.oci.layout.OciLayout;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.ManifestResponse;
import dev.fita.oci.registry.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code inspect} goal's work: read the built layout or a registry image, render it as a tree or as JSON. */
public final class ImageInspector {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImageInspector() {}

    /** The images of the built layout: one per distinct root, with every tag that points at it. */
    public static List<InspectedImage> local(FitaSettings settings, Path basedir) {
        OciLayout layout = BuiltImage.find(settings, basedir,
                ", or inspect a registry image with -Dfita.image=registry/repository:tag").layout();
        Map<String, List<String>> tagsByDigest = new LinkedHashMap<>();
        Map<String, Descriptor> roots = new LinkedHashMap<>();
        for (Descriptor entry : layout.readIndex().manifests()) {
            String key = entry.digest().toString();
            roots.putIfAbsent(key, new Descriptor(entry.mediaType(), entry.digest(), entry.size()));
            List<String> tags = tagsByDigest.computeIfAbsent(key, k -> new ArrayList<>());
            String tag = entry.annotations().get(Annotations.REF_NAME);
            if (tag != null) {
                tags.add(tag);
            }
        }
        List<InspectedImage> images = new ArrayList<>();
        roots.forEach((digest, root) -> images.add(
                ImageTree.read(layout, layout.root().toString(), tagsByDigest.get(digest), root)));
        return images;
    }

    /** The image {@code ref} names in {@code repository}. */
    public static List<InspectedImage> remote(Repository repository, ImageReference ref) {
        ManifestResponse top = repository.manifests().fetch(ref.referenceOrTag());
        return List.of(ImageTree.read(new OverlayStorage(new MemoryStorage(List.of(top.blob())), repository),
                ref.toString(), List.of(), top.descriptor()));
    }

    /** {@code text}: the trees; {@code json}: an array with one object per image (for scripts). */
    public static String render(List<InspectedImage> images, String format) {
        String f = format == null || format.isBlank() ? "text" : format.trim().toLowerCase(Locale.ROOT);
        switch (f) {
            case "text" -> {
                StringBuilder out = new StringBuilder();
                images.forEach(image -> ImageTree.lines(image).forEach(line -> out.append(line).append('\n')));
                return out.toString();
            }
            case "json" -> {
                try {
                    return JSON.writeValueAsString(images) + "\n";
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot write the inspected images as JSON", e);
                }
            }
            default -> throw new ConfigurationException("-Dfita.inspect.format '" + format
                    + "' is not a format fita:inspect writes: use text or json");
        }
    }
}
