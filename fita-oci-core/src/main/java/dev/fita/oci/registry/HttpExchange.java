package dev.fita.oci.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.google.api.client.http.HttpResponse;

/** One HTTP answer: status, headers and a body stream that must be closed. Package-private plumbing. */
final class HttpExchange implements AutoCloseable {

    private final HttpResponse response;
    private final String method;
    private final String url;

    HttpExchange(HttpResponse response, String method, String url) {
        this.response = response;
        this.method = method;
        this.url = url;
    }

    String method() {
        return method;
    }

    int status() {
        return response.getStatusCode();
    }

    String reason() {
        String r = response.getStatusMessage();
        return r == null ? "" : r;
    }

    /** The final URL (after redirects). */
    String url() {
        return url;
    }

    String header(String name) {
        Object v = response.getHeaders().get(name.toLowerCase());
        if (v instanceof List<?> list) {
            return list.isEmpty() ? null : String.valueOf(list.get(0));
        }
        return v == null ? null : String.valueOf(v);
    }

    List<String> headers(String name) {
        Object v = response.getHeaders().get(name.toLowerCase());
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }

    /**
     * The offset after a {@code Range: 0-N} header (N + 1), or {@code otherwise} when there is none.
     * Distribution writes {@code 0-0} for an empty session, so 0-0 counts as nothing held.
     */
    static long rangeEnd(String range, long otherwise) {
        if (range == null || range.isBlank()) {
            return otherwise;
        }
        String r = range.trim();
        r = r.startsWith("bytes=") ? r.substring(6) : r;
        int dash = r.indexOf('-');
        try {
            long last = Long.parseLong(r.substring(dash + 1).trim());
            return last == 0 ? 0 : last + 1;
        } catch (RuntimeException unparsable) {
            return otherwise;
        }
    }

    /** A header holding a non-negative number; 0 when absent or not a number. */
    long longHeader(String name) {
        try {
            String v = header(name);
            return v == null ? 0 : Math.max(0, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Media type without parameters. */
    String contentType() {
        String t = response.getContentType();
        if (t == null) {
            return null;
        }
        int semi = t.indexOf(';');
        return (semi >= 0 ? t.substring(0, semi) : t).trim();
    }

    long contentLength() {
        Long l = response.getHeaders().getContentLength();
        return l == null ? -1 : l;
    }

    InputStream body() throws IOException {
        InputStream in = response.getContent();
        return in == null ? InputStream.nullInputStream() : in;
    }

    /**
     * Reads the body up to {@code limit} bytes; returns null when it is longer (the caller decides
     * whether that is an error).
     */
    byte[] readCapped(int limit) throws IOException {
        long declared = contentLength();
        if (declared > limit) {
            return null;
        }
        try (InputStream in = body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            for (int n; (n = in.read(buf)) != -1; ) {
                if (out.size() + n > limit) {
                    return null;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** The Retry-After header as a duration (seconds or HTTP date), or null. */
    Duration retryAfter() {
        String v = header("Retry-After");
        if (v == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(), when);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException unparsable) {
                return null;
            }
        }
    }

    /**
     * Small or empty bodies are read to the end so the connection goes back to the pool for reuse;
     * anything else (an abandoned blob download) is cut off rather than downloaded for nothing.
     */
    @Override
    public void close() {
        try {
            long length = contentLength();
            if (length >= 0 && length <= 64 * 1024) {
                InputStream in = response.getContent();
                if (in != null) {
                    in.close();
                }
            }
        } catch (IOException ignored) {
            // the disconnect below discards the connection instead
        }
        try {
            response.disconnect();
        } catch (IOException ignored) {
            // nothing useful to do about a failed close
        }
    }
}
