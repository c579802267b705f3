package dev.fita.oci.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.fita.oci.testing.TestRegistry;

/** The harness itself: starts, answers, and leaves nothing behind. */
class TestRegistryTest {

    @Test
    void startsWithTlsAndHtpasswdAndCleansUp() {
        Path dir;
        try (TestRegistry registry = TestRegistry.builder().tls(true).htpasswd("fita", "s3cret").start()) {
            dir = registry.directory();
            assertTrue(registry.host().startsWith("127.0.0.1:"), registry.host());
            assertTrue(Files.isRegularFile(registry.certificatePath().orElseThrow()));
            assertTrue(Files.isDirectory(registry.storageDir()));
            assertTrue(ProcessHandle.of(registry.pid()).isPresent());
        }
        assertFalse(Files.exists(dir), "temporary directory removed");
    }

    @Test
    void mainStartsDetachedAndStops() throws Exception {
        Path dir = Files.createTempDirectory("fita-registry-main-");
        TestRegistry.main(new String[] {"start", dir.toString()});
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(dir.resolve("registry.properties"))) {
            p.load(in);
        }
        long pid = Long.parseLong(p.getProperty("pid"));
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        TestRegistry.main(new String[] {"stop", dir.toString()});
        assertEquals(false, ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
