package org.example;

/** Reads nothing; the IT is about the console output of building and pushing its image. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("payload bundled");
    }
}
