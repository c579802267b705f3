package dev.fita.maven.uptodate;

import dev.fita.maven.config.ContainerSettings;
import dev.fita.maven.config.FitaSettings;
import dev.fita.oci.registry.RegistryClient;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether {@code fita:build} can leave the last build's output as it is: the record of the last finished
 * build names the same project inputs and the same base image, and everything it left is still there
 * unchanged. The registry is asked last, with one HEAD of the base tag, and only when everything else
 * agrees (a build that runs anyway asks nothing more than Jib does); offline the recorded digest stands.
 * Never up to date when a time is {@code USE_CURRENT_TIMESTAMP}: each build is meant to differ.
 */
public final class UpToDateCheck {
    private static final String CURRENT = "USE_CURRENT_TIMESTAMP";

    /** Whether to skip the build, why, and the project inputs' digest to record after a build (null: record none). */
    public record Result(boolean upToDate, String reason, String inputsOrNull) {}

    private UpToDateCheck() {}

    public static Result check(FitaSettings settings, Supplier<BuildInputs> inputs, String baseImage, boolean offline,
            Supplier<RegistryClient> client) {
        ContainerSettings container = settings.container();
        if (CURRENT.equals(container.creationTime()) || CURRENT.equals(container.filesModificationTime())) {
            return new Result(false, "a time is USE_CURRENT_TIMESTAMP", null);
        }
        String local = inputs.get().digest().toString();
        Optional<BuildRecord> last = BuildRecord.read(settings.outputDirectory());
        if (last.isEmpty()) {
            return new Result(false, "no finished build", local);
        }
        if (!last.get().inputs().equals(local)) {
            return new Result(false, "the project's inputs changed", local);
        }
        Optional<String> missing = last.get().missingFrom(settings.layoutDirectory());
        if (missing.isPresent()) {
            return new Result(false, missing.get(), local);
        }
        Optional<String> base = BaseImageDigest.ofReference(baseImage);
        if (base.isEmpty()) {
            base = offline ? Optional.of(last.get().base()) : BaseImageDigest.head(baseImage, client);
        }
        if (base.isEmpty()) {
            return new Result(false, "the base image " + baseImage + " cannot be identified", local);
        }
        boolean same = base.get().equals(last.get().base());
        return new Result(same, same ? "nothing changed" : "the base image changed", local);
    }
}
