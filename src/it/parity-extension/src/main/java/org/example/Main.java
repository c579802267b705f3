package org.example;

/** Does nothing; the IT checks where the extension put the project's resources. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("parity");
    }
}
