package org.example.greeter;

import java.io.FileInputStream;
import java.io.IOException;
import java.util.Properties;

/** Greets the name given with --name, with the greeting of the file named by -Dgreeter.config. */
public final class Greeter {

    private Greeter() {}

    public static void main(String[] args) throws IOException {
        String name = args.length > 1 && args[0].equals("--name") ? args[1] : "you";
        Properties config = new Properties();
        String file = System.getProperty("greeter.config");
        if (file != null) {
            try (FileInputStream in = new FileInputStream(file)) {
                config.load(in);
            }
        }
        System.out.println(config.getProperty("greeting", "Hi") + ", " + name);
    }
}
