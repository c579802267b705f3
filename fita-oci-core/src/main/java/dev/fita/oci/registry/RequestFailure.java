package dev.fita.oci.registry;

import java.io.IOException;

/** An I/O failure of one request, with the method and URL (query left out) that the retry policy and messages see. */
final class RequestFailure extends IOException {

    final String method;
    final String url;

    RequestFailure(String method, String url, IOException cause) {
        super(method + " " + url + ": " + cause.getMessage(), cause);
        this.method = method;
        this.url = url;
    }

    /** The I/O exception itself, whether or not it came wrapped. */
    static IOException unwrap(IOException e) {
        return e instanceof RequestFailure f ? (IOException) f.getCause() : e;
    }
}
