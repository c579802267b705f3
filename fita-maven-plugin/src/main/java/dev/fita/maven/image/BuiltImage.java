package dev.fita.maven.image;

import dev.fita.maven.config.ConfigurationException;
import dev.fita.maven.config.FitaSettings;
import dev.fita.oci.Descriptor;
import dev.fita.oci.Digest;
import dev.fita.oci.InvalidDigestException;
import dev.fita.oci.layout.LayoutException;
import dev.fita.oci.layout.OciLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the last {@code fita:build} left: its OCI image layout, its image.json and the index they
 * name. A layout that is missing means no build ran; one that is there but lacks image.json or the
 * index means the last build did not finish (it clears both first and writes image.json last).
 */
public record BuiltImage(OciLayout layout, ImageRecord record, Descriptor root) {

    /**
     * The built image, or a sentence saying what to do. {@code basedir} shortens the path in messages;
     * {@code whenMissing} is appended to the "no image built" sentence (e.g. another way to get an image).
     */
    public static BuiltImage find(FitaSettings settings, Path basedir, String whenMissing) {
        Path dir = settings.layoutDirectory();
        Path shown = basedir != null && dir.startsWith(basedir) ? basedir.relativize(dir) : dir;
        if (!Files.exists(dir)) {
            throw new ConfigurationException("No image built: run fita:build first (" + shown + " is missing)"
                    + whenMissing);
        }
        try {
            OciLayout layout = OciLayout.open(dir);
            ImageRecord record = ImageRecord.read(settings.imageJson());
            Optional<Descriptor> entry = layout.resolve(Digest.parse(record.digest()).toString());
            if (entry.isPresent() && layout.exists(entry.get())) {
                Descriptor e = entry.get();
                return new BuiltImage(layout, record, new Descriptor(e.mediaType(), e.digest(), e.size()));
            }
        } catch (LayoutException | IOException | InvalidDigestException e) {
            throw unfinished(shown, e);
        }
        throw unfinished(shown, null);
    }

    private static ConfigurationException unfinished(Path shown, Exception cause) {
        return new ConfigurationException("The last fita:build did not finish: " + shown
                + " holds no complete image; run fita:build again", cause);
    }
}
