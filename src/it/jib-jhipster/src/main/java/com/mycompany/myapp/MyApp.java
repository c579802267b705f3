package com.mycompany.myapp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the application; the differential IT only builds its image. */
public final class MyApp {

    private static final Logger LOG = LoggerFactory.getLogger(MyApp.class);

    private MyApp() {}

    public static void main(String[] args) {
        LOG.info("Application is running on port 8080");
    }
}
