package dev.fita.oci.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs skopeo for read-back checks; a missing skopeo fails the test with the install hint. */
final class Skopeo {

    private Skopeo() {}

    static String run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("skopeo");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "skopeo-", ".out");
        Path err = Files.createTempFile(workDir, "skopeo-", ".err");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("skopeo is not installed; install it with: apt-get install skopeo (or run scripts/test)", e);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("skopeo did not finish within 120 s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("skopeo failed (" + p.exitValue() + "): " + cmd + "\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
