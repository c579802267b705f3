package dev.fita.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerSettingsTest {
    @Test
    void emptyElementsFromMavenAreTolerated() {
        Map<String, String> env = new HashMap<>();
        env.put("EMPTY", null);
        ContainerSettings settings = new ContainerSettings(null, null, null, null, env, false, null, null,
                Arrays.asList("-Xmx64m", null), null, "Main", null, null, null, null);
        assertEquals(List.of("-Xmx64m"), settings.jvmFlags());
        assertEquals(Map.of("EMPTY", ""), settings.environment());
        assertEquals(Map.of(), settings.labels());
        assertNull(settings.args());
        assertNull(settings.entrypoint());
        assertEquals("", settings.appRoot(), "Jib's default app root");
        assertEquals("EPOCH", settings.creationTime());
        assertEquals("EPOCH_PLUS_SECOND", settings.filesModificationTime());
    }
}
