package dev.fita.maven.jib;

import java.util.regex.Pattern;

/** Removes ANSI escape sequences: Jib colours its error messages, which garbles batch-mode logs. */
public final class Ansi {
    private static final Pattern ESCAPE = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    private Ansi() {}

    public static String strip(String message) {
        return message == null ? "" : ESCAPE.matcher(message).replaceAll("");
    }
}
