package org.example.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports the stock of the configured warehouse. */
public final class InventoryService {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);

    private InventoryService() {}

    public static void main(String[] args) {
        LOG.info("inventory service started");
    }
}
