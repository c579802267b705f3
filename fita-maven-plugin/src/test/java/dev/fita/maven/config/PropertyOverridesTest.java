package dev.fita.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertyOverridesTest {
    private static Properties props(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    @Test
    void userPropertyWinsOverSystemPropertyAndPom() {
        PropertyOverrides o = new PropertyOverrides(props("fita.x", "user"), props("fita.x", "system"), props("fita.x", "project"));
        assertEquals("user", o.string("fita.x", "pom"));
    }

    @Test
    void systemPropertyWinsOverPom() {
        PropertyOverrides o = new PropertyOverrides(null, props("fita.x", "system"), null);
        assertEquals("system", o.string("fita.x", "pom"));
    }

    @Test
    void pomWinsOverProjectProperty() {
        PropertyOverrides o = new PropertyOverrides(null, null, props("fita.x", "project"));
        assertEquals("pom", o.string("fita.x", "pom"));
        assertEquals("project", o.string("fita.x", null));
        assertNull(o.string("fita.y", null));
    }

    @Test
    void listsSplitOnCommas() {
        PropertyOverrides o = new PropertyOverrides(props("fita.to.tags", " a ,b,, c "), null, null);
        assertEquals(List.of("a", "b", "c"), o.list("fita.to.tags", List.of("pom")));
        assertEquals(List.of("pom"), PropertyOverrides.none().list("fita.to.tags", List.of("pom")));
        assertNull(PropertyOverrides.none().list("fita.to.tags", null));
    }

    @Test
    void flags() {
        assertTrue(new PropertyOverrides(props("fita.skip", ""), null, null).flag("fita.skip", false));
        assertTrue(new PropertyOverrides(props("fita.skip", "true"), null, null).flag("fita.skip", false));
        assertFalse(new PropertyOverrides(props("fita.skip", "false"), null, null).flag("fita.skip", true));
        assertTrue(PropertyOverrides.none().flag("fita.skip", true));
        assertFalse(PropertyOverrides.none().flag("fita.skip", false));
        assertTrue(new PropertyOverrides(null, null, props("fita.skip", "true")).flag("fita.skip", false));
    }
}
