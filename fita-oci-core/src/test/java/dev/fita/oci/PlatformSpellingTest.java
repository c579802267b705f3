package dev.fita.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformSpellingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "zephyr/armv7,     zephyr/arm/v7",
            "zephyr/arm,       zephyr/arm/v7",
            "zephyr/arm/7,     zephyr/arm/v7",
            "zephyr/armhf,     zephyr/arm/v7",
            "Zephyr/ARM/V7,    zephyr/arm/v7",
            "linux/armv7,      linux/arm/v7",
            "linux/armv7l,     linux/arm/v7",
            "linux/armhf,      linux/arm/v7",
            "linux/arm/7,      linux/arm/v7",
            "linux/arm/armv7,  linux/arm/v7",
            "linux/arm/v7l,    linux/arm/v7",
            "linux/armv6,      linux/arm/v6",
            "linux/armel,      linux/arm/v6",
            "linux/arm/6,      linux/arm/v6",
            "linux/armv5,      linux/arm/v5",
            "linux/armv8l,     linux/arm/v8",
            "linux/aarch64,    linux/arm64",
            "linux/aarch64/v8, linux/arm64/v8",
            "linux/arm64/8,    linux/arm64/v8",
            "linux/armv8,      linux/arm64",
            "linux/x86_64,     linux/amd64",
            "linux/x86-64,     linux/amd64",
            "linux/x64,        linux/amd64",
            "linux/i386,       linux/386",
            "linux/i686,       linux/386",
            "linux/ppc64el,    linux/ppc64le",
            "linux/mipsel,     linux/mipsle",
            "Linux/AMD64,      linux/amd64",
            "LINUX/X86_64,     linux/amd64",
            "macos/arm64,      darwin/arm64",
    })
    void refusesAKnownMisspellingNamingTheOciSpelling(String written, String canonical) {
        NonCanonicalPlatformException e = assertThrows(NonCanonicalPlatformException.class,
                () -> PlatformSpelling.parse(written));
        assertEquals(Platform.parse(canonical), e.canonical());
        assertTrue(e.getMessage().startsWith("'" + written + "' is not a platform as OCI spells it: "), e.getMessage());
        assertTrue(e.getMessage().contains("; write " + canonical + " (os "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux/amd64", "linux/arm64", "linux/arm64/v8", "linux/arm/v7", "linux/arm/v6", "linux/arm",
            "linux/386", "linux/ppc64le", "linux/s390x", "linux/riscv64", "linux/amd64/v2", "zephyr/arm/v7",
            "zephyr/arm/v6", "zephyr/riscv32", "windows/amd64", "myos/mycpu"})
    void acceptsOciSpellingsAndPlatformsNotInTheTable(String value) {
        assertEquals(Optional.empty(), PlatformSpelling.check(value));
        assertEquals(Platform.parse(value), PlatformSpelling.parse(value));
    }

    @Test
    void theZephyrSentenceNamesWhatTheKubeletAsksFor() {
        assertEquals("'zephyr/armv7' is not a platform as OCI spells it: FITA's far-edge kubelet asks for zephyr/arm/v7 "
                        + "and compares os, architecture and variant exactly; write zephyr/arm/v7 "
                        + "(os zephyr, architecture arm, variant v7)",
                assertThrows(NonCanonicalPlatformException.class, () -> PlatformSpelling.parse("zephyr/armv7"))
                        .getMessage());
    }

    @Test
    void theLinuxSentenceSaysWhyAndWhatToWrite() {
        assertEquals("'linux/aarch64' is not a platform as OCI spells it: OCI uses Go's os and architecture names with "
                        + "the ARM version as the variant, and pullers such as oras-go and jib compare them exactly; "
                        + "write linux/arm64 (os linux, architecture arm64)",
                PlatformSpelling.check("linux/aarch64").orElseThrow().sentence());
        assertEquals("'Linux/amd64' is not a platform as OCI spells it: platform names are lowercase and pullers "
                        + "compare them exactly; write linux/amd64 (os linux, architecture amd64)",
                PlatformSpelling.check("Linux/amd64").orElseThrow().sentence());
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-amd64", "linux", "linux/arm/v7/x", "Linux/AMD 64", "linux//v7", "/amd64"})
    void leavesStringsThatAreNoPlatformToPlatformParse(String value) {
        assertEquals(Optional.empty(), PlatformSpelling.check(value));
        InvalidPlatformException e = assertThrows(InvalidPlatformException.class, () -> PlatformSpelling.parse(value));
        assertEquals(InvalidPlatformException.class, e.getClass());
        assertEquals(assertThrows(InvalidPlatformException.class, () -> Platform.parse(value)).getMessage(),
                e.getMessage());
    }

    @Test
    void checksSeparateFieldsAsInAConfigJson() {
        assertEquals(Platform.parse("zephyr/arm/v7"),
                PlatformSpelling.check("zephyr", "armv7", null).orElseThrow().canonical());
        assertEquals("zephyr/armv7", PlatformSpelling.check("zephyr", "armv7", null).orElseThrow().written());
        assertEquals(Optional.empty(), PlatformSpelling.check("zephyr", "arm", "v7"));
    }
}
