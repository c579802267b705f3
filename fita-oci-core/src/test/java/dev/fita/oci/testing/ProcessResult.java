package dev.fita.oci.testing;

import java.util.List;

/** What a finished external command left behind. */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {

    public ProcessResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Returns this result if the command exited with 0, else fails the test showing its output. */
    public ProcessResult assertSuccess() {
        if (exitCode != 0) {
            throw new AssertionError(describe());
        }
        return this;
    }

    /** Returns this result if the command failed, else fails the test showing its output. */
    public ProcessResult assertFailure() {
        if (exitCode == 0) {
            throw new AssertionError("expected a failure, but it succeeded: " + describe());
        }
        return this;
    }

    public String describe() {
        return "`" + String.join(" ", command) + "` exited with " + exitCode
                + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
