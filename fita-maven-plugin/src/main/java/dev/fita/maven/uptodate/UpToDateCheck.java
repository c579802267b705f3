package dev.fita.maven.uptodate;

import dev.fita.maven.config.ContainerSettings;
import dev.fita.maven.config.FitaSettings;
import dev.fita.oci.registry.RegistryClient;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Whether {@code fita:build} can leave the last build's output as it is: the record of the last finished
 * build names the same inputs digest (the project's inputs and the base image's digest) and everything
 * it left is still there unchanged. Never up to date when a time is {@code USE_CURRENT_TIMESTAMP} (each
 * build is meant to differ) or the base image cannot be identified. The base image's HEAD runs while the
 * project's inputs are read.
 */
public final class UpToDateCheck {
    private static final String CURRENT = "USE_CURRENT_TIMESTAMP";

    /** The outcome: the inputs digest and base identity to record after a build (empty when unknown), and whether to skip it. */
    public record Result(Optional<String> inputs, String base, boolean upToDate, String reason) {}

    private UpToDateCheck() {}

    public static Result check(FitaSettings settings, Supplier<BuildInputs> inputs, String baseImage, boolean offline,
            Supplier<RegistryClient> client) {
        ContainerSettings container = settings.container();
        if (CURRENT.equals(container.creationTime()) || CURRENT.equals(container.filesModificationTime())) {
            return new Result(Optional.empty(), null, false, "a time is USE_CURRENT_TIMESTAMP");
        }
        Optional<BuildRecord> last = BuildRecord.read(settings.outputDirectory());
        String lastBase = last.map(BuildRecord::base).orElse(null);
        ExecutorService head = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fita-base-image-digest");
            thread.setDaemon(true);
            thread.setContextClassLoader(UpToDateCheck.class.getClassLoader());
            return thread;
        });
        Optional<String> identity;
        String local;
        Optional<String> missing;
        try {
            CompletableFuture<Optional<String>> base = CompletableFuture.supplyAsync(
                    () -> BaseImageDigest.current(baseImage, offline, lastBase, client), head);
            local = inputs.get().digest().toString();
            missing = last.isEmpty() ? Optional.of("no finished build") : last.get().missingFrom(settings.layoutDirectory());
            identity = base.join();
        } finally {
            head.shutdown();
        }
        if (identity.isEmpty()) {
            return new Result(Optional.empty(), null, false, "the base image " + baseImage + " cannot be identified");
        }
        String digest = BuildInputs.combine(local, "base " + identity.get()).toString();
        if (missing.isPresent()) {
            return new Result(Optional.of(digest), identity.get(), false, missing.get());
        }
        boolean same = last.get().inputs().equals(digest);
        return new Result(Optional.of(digest), identity.get(), same, same ? "nothing changed" : "the inputs changed");
    }
}
