package org.example.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves reports from the directory given with --reports; reads agent.properties from the classpath. */
public final class ReportServer {

    private static final Logger LOG = LoggerFactory.getLogger(ReportServer.class);

    private ReportServer() {}

    public static void main(String[] args) throws IOException {
        Properties agent = new Properties();
        try (InputStream in = ReportServer.class.getResourceAsStream("/agent.properties")) {
            if (in != null) {
                agent.load(in);
            }
        }
        LOG.info("reports from {}, agent enabled: {}", args.length > 0 ? args[0] : "-", agent.getProperty("agent.enabled"));
    }
}
