package org.example.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes audit events to the log. */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private AuditLog() {}

    public static void main(String[] args) {
        LOG.info("audit log ready");
    }
}
