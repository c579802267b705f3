package dev.fita.maven.build;

import java.util.List;

/**
 * Whether a Maven invocation runs {@code fita:push} after {@code fita:build}: a push goal on the command
 * line, or a phase on the command line that reaches a phase the pom binds push to.
 */
public final class PushFollows {
    /** Maven's default lifecycle, in order. */
    private static final List<String> PHASES = List.of("validate", "initialize", "generate-sources",
            "process-sources", "generate-resources", "process-resources", "compile", "process-classes",
            "generate-test-sources", "process-test-sources", "generate-test-resources", "process-test-resources",
            "test-compile", "process-test-classes", "test", "prepare-package", "package", "pre-integration-test",
            "integration-test", "post-integration-test", "verify", "install", "deploy");

    private PushFollows() {}

    /**
     * @param goals the command line's goals and phases, e.g. {@code [clean, package, fita:build]}
     * @param pushPhases the phases the pom binds {@code fita:push} to
     */
    public static boolean inThisBuild(List<String> goals, List<String> pushPhases) {
        for (String goal : goals == null ? List.<String>of() : goals) {
            if (isPushGoal(goal)) {
                return true;
            }
            int reached = PHASES.indexOf(goal);
            if (reached >= 0 && pushPhases.stream().anyMatch(p -> PHASES.indexOf(p) >= 0 && PHASES.indexOf(p) <= reached)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPushGoal(String goal) {
        return goal.equals("fita:push") || goal.startsWith("dev.fita:fita-maven-plugin:") && goal.endsWith(":push");
    }
}
