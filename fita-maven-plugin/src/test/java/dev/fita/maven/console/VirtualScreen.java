package dev.fita.maven.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A terminal for tests: interprets what a program wrote (text, CR, LF, and the CSI sequences fita and
 * Maven use: cursor moves, erase in line and display, colours) into the rows a user would see. An
 * unknown escape sequence fails the test rather than being guessed at.
 */
final class VirtualScreen {
    private final int width;
    private final List<StringBuilder> rows = new ArrayList<>();
    private int row;
    private int col;

    VirtualScreen(int width) {
        this.width = width;
        rows.add(new StringBuilder());
    }

    static List<String> render(String output, int width) {
        VirtualScreen screen = new VirtualScreen(width);
        screen.write(output);
        return screen.rows();
    }

    void write(String output) {
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            if (c == '\u001B') {
                i = escape(output, i);
            } else if (c == '\r') {
                col = 0;
            } else if (c == '\n') {
                col = 0; // a terminal turns LF into CR LF (onlcr)
                down();
            } else {
                put(c);
            }
        }
    }

    /** The rows without trailing blanks, without the empty rows at the end. */
    List<String> rows() {
        List<String> out = new ArrayList<>();
        for (StringBuilder r : rows) {
            out.add(r.toString().replaceAll("\\s+$", ""));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private int escape(String s, int start) {
        if (start + 1 >= s.length() || s.charAt(start + 1) != '[') {
            throw new AssertionError("unexpected escape at " + start + ": " + s.substring(start, Math.min(s.length(), start + 8)));
        }
        int i = start + 2;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == ';')) {
            i++;
        }
        if (i >= s.length()) {
            throw new AssertionError("unterminated escape at " + start);
        }
        String params = s.substring(start + 2, i);
        int n = params.isEmpty() ? -1 : Integer.parseInt(params.split(";")[0]);
        switch (s.charAt(i)) {
            case 'A' -> row = Math.max(0, row - Math.max(1, n));
            case 'B' -> { for (int k = 0; k < Math.max(1, n); k++) down(); }
            case 'C' -> col = Math.min(width - 1, col + Math.max(1, n));
            case 'D' -> col = Math.max(0, col - Math.max(1, n));
            case 'G' -> col = Math.max(0, Math.max(1, n) - 1);
            case 'K' -> eraseInLine(Math.max(0, n));
            case 'J' -> {
                if (Math.max(0, n) != 0) throw new AssertionError("only erase below (ESC[0J) is expected, got ESC[" + params + "J");
                eraseInLine(0);
                while (rows.size() > row + 1) rows.remove(rows.size() - 1);
            }
            case 'm' -> { } // colours and bold take no room
            default -> throw new AssertionError("unexpected escape sequence ESC[" + params + s.charAt(i));
        }
        return i;
    }

    private void eraseInLine(int mode) {
        StringBuilder r = rows.get(row);
        switch (mode) {
            case 0 -> { if (r.length() > col) r.setLength(col); }
            case 1 -> { for (int k = 0; k <= col && k < r.length(); k++) r.setCharAt(k, ' '); }
            default -> r.setLength(0);
        }
    }

    private void put(char c) {
        if (col >= width) {
            col = 0;
            down();
        }
        StringBuilder r = rows.get(row);
        while (r.length() < col) r.append(' ');
        if (col < r.length()) r.setCharAt(col, c); else r.append(c);
        col++;
    }

    private void down() {
        row++;
        while (rows.size() <= row) rows.add(new StringBuilder());
    }
}
