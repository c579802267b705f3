package dev.fita.oci.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fita.oci.Platform;

class PlatformTagsTest {

    @Test
    void releaseTagThenOsArchitectureAndVariant() {
        assertEquals("2.3.0-linux-arm64", PlatformTags.of("2.3.0", Platform.parse("linux/arm64")));
        assertEquals("latest-linux-arm-v7", PlatformTags.of("latest", Platform.parse("linux/arm/v7")));
        assertEquals(List.of("1-linux-amd64", "latest-linux-amd64"),
                PlatformTags.of(List.of("1", "latest"), Platform.parse("linux/amd64")));
    }
}
