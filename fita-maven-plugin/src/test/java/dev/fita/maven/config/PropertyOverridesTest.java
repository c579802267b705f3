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
    void listsSplitOnCommasAsJibDoes() {
        PropertyOverrides o = new PropertyOverrides(props("fita.container.args", "a,b\\,c,"), null, null);
        assertEquals(List.of("a", "b,c", ""), o.list("fita.container.args", List.of("pom")));
        assertEquals(List.of("pom"), PropertyOverrides.none().list("fita.to.tags", List.of("pom")));
        assertNull(PropertyOverrides.none().list("fita.to.tags", null));
    }

    @Test
    void mapsAreKeyValuePairs() {
        PropertyOverrides o = new PropertyOverrides(props("jib.container.environment", "A=1,B=x=y"), null, null);
        assertEquals(java.util.Map.of("A", "1", "B", "x=y"),
                o.map("fita.container.environment", java.util.Map.of("POM", "1"), "jib.container.environment"));
        ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
                () -> new PropertyOverrides(props("jib.container.labels", "novalue"), null, null)
                        .map("fita.container.labels", null, "jib.container.labels"));
        assertTrue(e.getMessage().startsWith("fita.container.labels or jib.container.labels 'novalue' is not a list"),
                e.getMessage());
    }

    @Test
    void fitaOverrideThenJibPropertyThenPomThenFitaProjectProperty() {
        Properties user = props("fita.to.image", "fita-user");
        user.setProperty("jib.to.image", "jib-user");
        assertEquals("fita-user", new PropertyOverrides(user, null, null).string("fita.to.image", "pom", "jib.to.image"));
        assertEquals("jib-user", new PropertyOverrides(props("jib.to.image", "jib-user"), null, null)
                .string("fita.to.image", "pom", "jib.to.image"));
        // A -D or system fita.* property beats every jib.* property.
        assertEquals("fita-system", new PropertyOverrides(props("jib.to.image", "jib-user"),
                props("fita.to.image", "fita-system"), null).string("fita.to.image", "pom", "jib.to.image"));
        // Jib reads its properties from the project too, and those beat the pom, as in Jib.
        assertEquals("jib-project", new PropertyOverrides(null, null, props("jib.to.image", "jib-project"))
                .string("fita.to.image", "pom", "jib.to.image"));
        // Jib's order among its own sources: user, then project, then system property.
        assertEquals("jib-project", new PropertyOverrides(null, props("jib.to.image", "jib-system"),
                props("jib.to.image", "jib-project")).string("fita.to.image", null, "jib.to.image"));
        // fita.* project properties only fill in what the pom leaves unset.
        assertEquals("pom", new PropertyOverrides(null, null, props("fita.to.image", "fita-project"))
                .string("fita.to.image", "pom", "jib.to.image"));
        assertEquals("fita-project", new PropertyOverrides(null, null, props("fita.to.image", "fita-project"))
                .string("fita.to.image", null, "jib.to.image"));
        // The first jib.* name that is set wins: -Dimage before -Djib.to.image, as in Jib.
        Properties both = props("image", "short");
        both.setProperty("jib.to.image", "long");
        assertEquals("short", new PropertyOverrides(both, null, null).string("fita.to.image", "pom", "image", "jib.to.image"));
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
