package dev.fita.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every goal and every parameter a user can set has a description: the descriptions are the
 * site's goal reference and what {@code fita:help} prints. Reads the plugin.xml that
 * maven-plugin-plugin generated from the Mojos' javadoc, so new parameters are covered as they come.
 */
class PluginDescriptorTest {

    private static final Path DESCRIPTOR = Path.of(System.getProperty("basedir", "."),
            "target", "classes", "META-INF", "maven", "plugin.xml");

    @Test
    void everyGoalAndParameterHasADescription() throws Exception {
        assertTrue(Files.isRegularFile(DESCRIPTOR), DESCRIPTOR + " is missing: maven-plugin-plugin did not run");
        try (InputStream in = Files.newInputStream(DESCRIPTOR)) {
            List<String> undescribed = undescribed(in);
            assertEquals(List.of(), undescribed,
                    "Give these a javadoc comment in the Mojo (it becomes the description in the goal reference)");
        }
    }

    @Test
    void aParameterWithoutDescriptionIsNamed() throws Exception {
        String descriptor = """
                <plugin><mojos>
                  <mojo><goal>build</goal><description>Builds.</description><parameters>
                    <parameter><name>to</name><editable>true</editable><description>Target.</description></parameter>
                    <parameter><name>newThing</name><editable>true</editable><description> </description></parameter>
                    <parameter><name>project</name><editable>false</editable></parameter>
                  </parameters></mojo>
                  <mojo><goal>push</goal><parameters/></mojo>
                </mojos></plugin>
                """;
        assertEquals(List.of("fita:build <newThing>", "fita:push (the goal)"),
                undescribed(new ByteArrayInputStream(descriptor.getBytes(StandardCharsets.UTF_8))));
    }

    /** Goals and user-settable parameters without a description; read-only ones (${project}, ${session}) are injected, not configured. */
    private static List<String> undescribed(InputStream descriptor) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element plugin = factory.newDocumentBuilder().parse(descriptor).getDocumentElement();
        List<String> missing = new ArrayList<>();
        NodeList mojos = plugin.getElementsByTagName("mojo");
        assertTrue(mojos.getLength() > 0, "the descriptor lists no goal");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = "fita:" + text(mojo, "goal");
            if (text(mojo, "description").isEmpty()) {
                missing.add(goal + " (the goal)");
            }
            NodeList parameters = mojo.getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                Element parameter = (Element) parameters.item(j);
                if (!"false".equals(text(parameter, "editable")) && text(parameter, "description").isEmpty()) {
                    missing.add(goal + " <" + text(parameter, "name") + ">");
                }
            }
        }
        return missing;
    }

    /** The text of the direct child {@code name}, trimmed; empty when absent. */
    private static String text(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }
}
