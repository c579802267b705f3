package dev.fita.maven.jib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.cloud.tools.jib.plugins.common.IncompatibleBaseImageJavaVersionException;
import com.google.cloud.tools.jib.plugins.common.PluginConfigurationProcessor;
import com.google.cloud.tools.jib.plugins.common.ProjectProperties;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class JibDefaultsTest {
    /** Jib's own (package-private) choice, called through reflection on a stand-in ProjectProperties. */
    private static String jibsChoice(boolean war, int javaVersion) throws Exception {
        ProjectProperties project = (ProjectProperties) Proxy.newProxyInstance(getClass0().getClassLoader(),
                new Class<?>[] {ProjectProperties.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isWarProject" -> war;
                    case "getMajorJavaVersion" -> javaVersion;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Method method = PluginConfigurationProcessor.class.getDeclaredMethod("getDefaultBaseImage", ProjectProperties.class);
        method.setAccessible(true);
        try {
            return (String) method.invoke(null, project);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IncompatibleBaseImageJavaVersionException) {
                return null;
            }
            throw e;
        }
    }

    private static Class<?> getClass0() {
        return JibDefaultsTest.class;
    }

    @Test
    void defaultBaseImageIsJibs() throws Exception {
        for (int java = 6; java <= 27; java++) {
            assertEquals(jibsChoice(false, java), JibDefaults.defaultBaseImage(false, java), "Java " + java);
        }
        assertEquals(jibsChoice(true, 17), JibDefaults.defaultBaseImage(true, 17));
        assertEquals("eclipse-temurin:17-jre", JibDefaults.defaultBaseImage(false, 17));
        assertEquals("eclipse-temurin:21-jre", JibDefaults.defaultBaseImage(false, 19));
        assertNull(JibDefaults.defaultBaseImage(false, 26));
    }
}
