package dev.fita.maven.jib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AnsiTest {
    @Test
    void stripsColourAndCursorCodes() {
        assertEquals("Build failed: bad", Ansi.strip("\u001B[31;1mBuild failed: bad\u001B[0m"));
        assertEquals("progress", Ansi.strip("\u001B[2K\u001B[1Aprogress"));
        assertEquals("plain", Ansi.strip("plain"));
        assertEquals("", Ansi.strip(null));
    }
}
