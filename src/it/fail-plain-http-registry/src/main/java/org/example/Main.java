package org.example;

/** Prints a fake temperature reading; the IT only checks that its class lands in the image. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("temperature: 21.5");
    }
}
