package dev.fita.maven.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Properties;
import org.apache.maven.settings.Proxy;
import org.junit.jupiter.api.Test;

class SettingsProxiesTest {
    private static Proxy proxy(String id, String protocol, boolean active, String host) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setProtocol(protocol);
        proxy.setActive(active);
        proxy.setHost(host);
        proxy.setPort(3128);
        proxy.setUsername("u");
        proxy.setPassword("p");
        proxy.setNonProxyHosts("localhost|127.0.0.1");
        return proxy;
    }

    @Test
    void firstActiveProxyPerProtocolBecomesTheJvmProperties() {
        Properties system = new Properties();
        SettingsProxies.activate(List.of(proxy("off", "https", false, "unused"), proxy("a", "https", true, "proxy.example"),
                proxy("b", "https", true, "second.example")), null, system);
        assertEquals("proxy.example", system.getProperty("https.proxyHost"));
        assertEquals("3128", system.getProperty("https.proxyPort"));
        assertEquals("u", system.getProperty("https.proxyUser"));
        assertEquals("localhost|127.0.0.1", system.getProperty("http.nonProxyHosts"));
        assertNull(system.getProperty("http.proxyHost"));
    }

    @Test
    void propertiesTheUserSetAreLeftAlone() {
        Properties system = new Properties();
        system.setProperty("http.proxyHost", "mine.example");
        SettingsProxies.activate(List.of(proxy("a", "http", true, "settings.example")), null, system);
        assertEquals("mine.example", system.getProperty("http.proxyHost"));
        assertNull(system.getProperty("http.proxyPort"));
    }
}
