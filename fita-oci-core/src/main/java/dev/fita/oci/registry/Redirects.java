package dev.fita.oci.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Sends a request and follows its redirects: any for GET and HEAD (blob downloads go to object
 * storage), 307 and 308 for the others (a registry may send an upload to a regional host; the answer's
 * relative {@code Location} then belongs to that host, which {@link HttpExchange#url()} is).
 * {@code Authorization} goes only to the registry's own origin, never to the host redirected to, and
 * a redirect from HTTPS to plain HTTP elsewhere than loopback is refused unless insecure is allowed.
 */
final class Redirects {

    private static final int MAX_REDIRECTS = 5;

    private final HttpSender sender;
    private final boolean allowInsecure;

    Redirects(HttpSender sender, boolean allowInsecure) {
        this.sender = sender;
        this.allowInsecure = allowInsecure;
    }

    /** The final answer, whatever its status; {@code origin} is {@code scheme://host} the credentials belong to. */
    HttpExchange send(Request request, String origin, String authorization) throws IOException {
        String url = request.url();
        for (int hop = 0; ; hop++) {
            HttpExchange r = sender.execute(request.method(), url, request.headers(),
                    request.body() == null ? null : request.body().create(),
                    sameOrigin(origin, url) ? authorization : null);
            if (!request.follows(r.status()) || r.header("Location") == null) {
                return r;
            }
            String location = URI.create(url).resolve(r.header("Location")).toString();
            r.close();
            Operation op = request.op();
            if (hop >= MAX_REDIRECTS) {
                throw new RegistryResponseException(op.registry() + " redirected more than " + MAX_REDIRECTS
                        + " times for " + op.repository() + " (" + op.action() + ").");
            }
            if (location.startsWith("http://") && !allowInsecure && !isLoopback(URI.create(location).getHost())) {
                throw new RegistryResponseException(op.registry() + " redirected " + op.repository()
                        + " (" + op.action() + ") to plain HTTP at " + URI.create(location).getHost()
                        + "; set allowInsecureRegistries to follow it.");
            }
            url = location;
        }
    }

    /** Same scheme, host and port (default ports made explicit). */
    static boolean sameOrigin(String a, String b) {
        URI x = URI.create(a);
        URI y = URI.create(b);
        return x.getScheme().equalsIgnoreCase(y.getScheme()) && x.getHost() != null
                && x.getHost().equalsIgnoreCase(y.getHost()) && port(x) == port(y);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (h.matches("[0-9.]+") || h.contains(":")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
