package dev.fita.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTest {

    @Test
    void parsesTwoAndThreeParts() {
        Platform p = Platform.parse("zephyr/arm/v7");
        assertEquals("zephyr", p.os());
        assertEquals("arm", p.architecture());
        assertEquals("v7", p.variant());
        assertEquals("zephyr/arm/v7", p.toString());
        Platform q = Platform.parse("linux/arm64");
        assertNull(q.variant());
        assertEquals("linux/arm64", q.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "linux", "linux/", "/amd64", "linux/arm/v7/x", "Linux/amd64", "linux/amd 64", "linux//v7"})
    void rejectsBadStringsQuotingThem(String value) {
        InvalidPlatformException e = assertThrows(InvalidPlatformException.class, () -> Platform.parse(value));
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    @Test
    void matchesByOrasRule() {
        Platform armV7 = new Platform("zephyr", "arm", "v7");
        assertTrue(armV7.matches(new Platform("zephyr", "arm")), "target without variant matches any variant");
        assertTrue(armV7.matches(new Platform("zephyr", "arm", "v7")));
        assertFalse(armV7.matches(new Platform("zephyr", "arm", "v6")));
        assertFalse(new Platform("zephyr", "arm").matches(armV7), "target variant must be present");
        assertFalse(armV7.matches(new Platform("linux", "arm", "v7")));
        assertFalse(armV7.matches(new Platform("zephyr", "arm64")));

        Platform win = new Platform("windows", "amd64", null, "10.0.1", List.of("win32k", "x"));
        assertTrue(win.matches(new Platform("windows", "amd64", null, null, List.of("win32k"))));
        assertFalse(win.matches(new Platform("windows", "amd64", null, null, List.of("other"))));
        assertTrue(win.matches(new Platform("windows", "amd64", null, "10.0.1", null)));
        assertFalse(win.matches(new Platform("windows", "amd64", null, "10.0.2", null)));
    }

    @Test
    void serializesInOciFieldOrderWithoutEmptyFields() {
        assertEquals("{\"architecture\":\"arm\",\"os\":\"zephyr\",\"variant\":\"v7\"}",
                new String(Json.write(Platform.parse("zephyr/arm/v7")), StandardCharsets.UTF_8));
        Platform full = new Platform("windows", "amd64", null, "10.0", List.of("win32k"));
        assertEquals("{\"architecture\":\"amd64\",\"os\":\"windows\",\"os.version\":\"10.0\",\"os.features\":[\"win32k\"]}",
                new String(Json.write(full), StandardCharsets.UTF_8));
        assertEquals(full, Json.read(Json.write(full), Platform.class, "platform"));
    }

    @Test
    void requiresOsAndArchitecture() {
        assertThrows(InvalidPlatformException.class, () -> new Platform("linux", ""));
        assertThrows(InvalidPlatformException.class, () -> new Platform(null, "amd64"));
    }
}
