package dev.fita.oci.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real tools the tests check our output with (skopeo, umoci, docker-registry, openssl).
 * A missing tool fails the test, never skips it: a skipped interoperability test proves nothing.
 */
public final class Tools {

    private static final List<String> EXTRA_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private Tools() {}

    /**
     * The path of {@code command} on PATH (or the usual bin directories); fails the test with an
     * install hint when it is missing.
     */
    public static Path require(String command, String debianPackage) {
        String pathEnv = System.getenv("PATH");
        List<String> dirs = new java.util.ArrayList<>();
        if (pathEnv != null) {
            dirs.addAll(List.of(pathEnv.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(command + " is not installed: install it with `apt-get install "
                + debianPackage + "` or run scripts/test");
    }

    /** Runs a command with a bounded time, capturing stdout and stderr; kills it on timeout. */
    public static ProcessResult run(Duration timeout, String... cmd) {
        return run(timeout, null, Map.of(), cmd);
    }

    /**
     * Runs a command in {@code workDir} (null: the current directory) with extra environment
     * variables, bounded in time; a command still running at the timeout is killed and the test fails.
     */
    public static ProcessResult run(Duration timeout, Path workDir, Map<String, String> env, String... cmd) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("fita-tool-", ".out");
            err = Files.createTempFile("fita-tool-", ".err");
            ProcessBuilder builder = new ProcessBuilder(cmd)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("`" + String.join(" ", cmd) + "` did not finish within " + timeout
                        + " and was killed\n--- stdout ---\n" + read(out) + "\n--- stderr ---\n" + read(err));
            }
            return new ProcessResult(List.of(cmd), process.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new AssertionError("cannot run `" + String.join(" ", cmd) + "`: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running `" + String.join(" ", cmd) + "`", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temp file does not change a test's outcome
            }
        }
    }
}
