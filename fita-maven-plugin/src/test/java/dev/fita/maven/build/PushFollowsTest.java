package dev.fita.maven.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PushFollowsTest {
    @Test
    void pushGoalOnTheCommandLine() {
        assertTrue(PushFollows.inThisBuild(List.of("package", "fita:build", "fita:push"), List.of()));
        assertTrue(PushFollows.inThisBuild(List.of("dev.fita:fita-maven-plugin:0.1.0:push"), List.of()));
        assertFalse(PushFollows.inThisBuild(List.of("package", "fita:build"), List.of()));
    }

    @Test
    void phaseThatReachesTheBoundPush() {
        assertTrue(PushFollows.inThisBuild(List.of("clean", "deploy"), List.of("deploy")));
        assertTrue(PushFollows.inThisBuild(List.of("install"), List.of("package")));
        assertFalse(PushFollows.inThisBuild(List.of("clean", "package"), List.of("deploy")));
        assertFalse(PushFollows.inThisBuild(List.of("verify"), List.of()));
    }
}
