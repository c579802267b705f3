package org.example;

import java.util.Locale;
import java.util.Random;

/**
 * The container side of the example: a stand-in temperature sensor that prints a reading every
 * few seconds. On a far-edge device the embServe service (src/main/embserve/service.json) does
 * this job instead.
 */
public final class Main {

    public static void main(String[] args) throws InterruptedException {
        Random random = new Random();
        int readings = args.length > 0 ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
        for (int i = 0; i < readings; i++) {
            double celsius = 20 + random.nextGaussian();
            System.out.println(String.format(Locale.ROOT, "temperature: %.1f °C", celsius));
            Thread.sleep(5_000);
        }
    }
}
