package com.google.cloud.tools.jib.http;

import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;

/** For tests: Jib's ResponseException (its constructor is package-private) as Jib throws it for an answer. */
public final class JibResponses {
    private JibResponses() {}

    public static ResponseException of(int status, String reason, HttpHeaders headers, String body) {
        return new ResponseException(new HttpResponseException.Builder(status, reason, headers).setContent(body).build(),
                false);
    }
}
