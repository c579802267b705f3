package dev.fita.oci.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** For {@link RegistryProxy}: an HTTP/1.1 request or response head, and copying the body that follows it. */
record HttpHead(String firstLine, List<String> headers) {

    static HttpHead read(InputStream in) throws IOException {
        String first = line(in);
        while (first != null && first.isEmpty()) {
            first = line(in);
        }
        if (first == null) {
            return null;
        }
        List<String> headers = new java.util.ArrayList<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            headers.add(h);
        }
        return new HttpHead(first, headers);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    String method() {
        return firstLine.split(" ")[0];
    }

    String path() {
        String target = firstLine.split(" ")[1];
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    int status() {
        return Integer.parseInt(firstLine.split(" ")[1]);
    }

    String header(String name) {
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return h.substring(colon + 1).trim();
            }
        }
        return null;
    }

    boolean expectsContinue() {
        return "100-continue".equalsIgnoreCase(header("Expect"));
    }

    boolean closes() {
        return "close".equalsIgnoreCase(header("Connection"));
    }

    byte[] bytes() {
        StringBuilder b = new StringBuilder(firstLine).append("\r\n");
        headers.forEach(h -> b.append(h).append("\r\n"));
        return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    HttpHead with(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(headers);
        all.addAll(more);
        return new HttpHead(firstLine, all);
    }

    /** The head without {@code Expect}: the proxy answered 100 itself and sends the body at once. */
    byte[] withoutExpect() {
        return new HttpHead(firstLine, headers.stream().filter(h -> !h.toLowerCase().startsWith("expect:")).toList())
                .bytes();
    }

    /**
     * Copies the body that follows this head: by Content-Length, chunked, or (a response without
     * either, when {@code mayRunToClose}) until the connection ends. Returns whether it ran to close.
     */
    static boolean copyBody(HttpHead head, InputStream in, OutputStream out, boolean mayRunToClose)
            throws IOException {
        String length = head.header("Content-Length");
        String encoding = head.header("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase().contains("chunked")) {
            copyChunked(in, out);
            return false;
        }
        if (length != null) {
            copy(in, out, Long.parseLong(length.trim()));
            return false;
        }
        if (mayRunToClose) {
            in.transferTo(out);
            return true;
        }
        return false;
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                throw new IOException("chunked body ended early");
            }
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            long size = Long.parseLong(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                for (String t = line(in); t != null; t = line(in)) {
                    out.write((t + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    if (t.isEmpty()) {
                        return;
                    }
                }
                return;
            }
            copy(in, out, size);
            String crlf = line(in);
            out.write(((crlf == null ? "" : crlf) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[64 * 1024];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                throw new IOException("body ended " + n + " bytes early");
            }
            out.write(buf, 0, r);
            n -= r;
        }
    }
}
