package org.example.clock;

import java.time.Instant;

/** Prints the current time. */
public final class Clock {

    private Clock() {}

    public static void main(String[] args) {
        System.out.println(Instant.now());
    }
}
