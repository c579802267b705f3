package dev.fita.oci.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 reverse proxy on 127.0.0.1 in front of a registry, for what a network does to a client
 * that loopback does not: a delay per request ({@link #latency}), and faults ({@link #faults}): 503,
 * 429 with {@code Retry-After: 1}, and connections reset, either before the request reaches the
 * registry or after it did, with the answer lost. The {@code Host} header passes unchanged, so the
 * registry's upload {@code Location}s point at the proxy and every request of a push goes through it.
 * It records each request ({@link #seen()}), so a benchmark can count round trips.
 *
 * <pre>
 * try (RegistryProxy proxy = RegistryProxy.start(registry.host())
 *         .faults(RegistryProxy.randomFaults(42, 20, 10, 10))) {
 *     push to proxy.host() ...
 * }
 * </pre>
 */
public final class RegistryProxy implements AutoCloseable {

    /** What the proxy does with one request instead of passing it on. */
    public enum Fault { NONE, STATUS_503, STATUS_429, RESET_BEFORE, RESET_AFTER }

    /** Decides the fault for each request. */
    @FunctionalInterface
    public interface FaultPlan {
        Fault decide(String method, String path);
    }

    /**
     * One request as it passed: method, path (no query), the status the client got (0: reset), the fault,
     * and when it arrived (epoch milliseconds).
     */
    public record Seen(String method, String path, int status, Fault fault, long atMillis) {
    }

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "registry-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile FaultPlan plan = (m, p) -> Fault.NONE;
    private volatile long latencyMillis;
    private final List<String> extraHeaders = new CopyOnWriteArrayList<>();

    private RegistryProxy(String target) throws IOException {
        int colon = target.lastIndexOf(':');
        this.targetHost = target.substring(0, colon);
        this.targetPort = Integer.parseInt(target.substring(colon + 1));
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    /** A proxy for the registry at {@code host:port}, passing everything on until told otherwise. */
    public static RegistryProxy start(String target) {
        try {
            return new RegistryProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the registry proxy", e);
        }
    }

    /** Each request waits this long before it goes on to the registry: a round trip to a registry far away. */
    public RegistryProxy latency(Duration perRequest) {
        this.latencyMillis = perRequest.toMillis();
        return this;
    }

    /** Adds {@code name: value} to every answer the registry gives, e.g. a {@code Warning} a registry might send. */
    public RegistryProxy header(String name, String value) {
        extraHeaders.add(name + ": " + value);
        return this;
    }

    public RegistryProxy faults(FaultPlan faults) {
        this.plan = faults;
        return this;
    }

    /**
     * Faults at random, by percentages of requests: {@code p503} answered 503, {@code p429} answered 429
     * with {@code Retry-After: 1}, {@code pReset} reset (half before the registry sees them, half after
     * it answered). The {@code /v2/} ping is spared, so that every run finds the registry.
     */
    public static FaultPlan randomFaults(long seed, int p503, int p429, int pReset) {
        Random random = new Random(seed);
        return (method, path) -> {
            if (path.equals("/v2/")) {
                return Fault.NONE;
            }
            int n;
            boolean before;
            synchronized (random) {
                n = random.nextInt(100);
                before = random.nextBoolean();
            }
            if (n < p503) {
                return Fault.STATUS_503;
            }
            if (n < p503 + p429) {
                return Fault.STATUS_429;
            }
            if (n < p503 + p429 + pReset) {
                return before ? Fault.RESET_BEFORE : Fault.RESET_AFTER;
            }
            return Fault.NONE;
        };
    }

    /** {@code 127.0.0.1:PORT}: the registry part of image references that go through the proxy. */
    public String host() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public long count(Predicate<Seen> which) {
        return seen.stream().filter(which).count();
    }

    /** Forgets what was seen, e.g. between the runs of a benchmark. */
    public void clear() {
        seen.clear();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(RegistryProxy::closeQuietly);
        pool.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                pool.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One client connection, request after request (keep-alive), with its own connection to the registry. */
    private void serve(Socket client) {
        Socket upstream = null;
        InputStream upIn = null;
        try (client) {
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream(), 64 * 1024);
            OutputStream out = client.getOutputStream();
            while (true) {
                in.mark(1);
                int first = in.read();
                if (first < 'A' || first > 'Z') {
                    // Not HTTP (a TLS ClientHello): answer as a plain HTTP server does, so the client's
                    // handshake fails at once instead of waiting for a line that never ends.
                    if (first >= 0) {
                        out.write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    return;
                }
                in.reset();
                HttpHead request = HttpHead.read(in);
                if (request == null) {
                    return;
                }
                long arrived = System.currentTimeMillis();
                String path = request.path();
                Fault fault = plan.decide(request.method(), path);
                if (latencyMillis > 0) {
                    Thread.sleep(latencyMillis);
                }
                if (fault == Fault.RESET_BEFORE) {
                    seen.add(new Seen(request.method(), path, 0, fault, arrived));
                    reset(client);
                    return;
                }
                if (request.expectsContinue()) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                if (fault == Fault.STATUS_503 || fault == Fault.STATUS_429) {
                    HttpHead.copyBody(request, in, OutputStream.nullOutputStream(), false);
                    answer(out, fault);
                    seen.add(new Seen(request.method(), path, fault == Fault.STATUS_503 ? 503 : 429, fault, arrived));
                    continue;
                }
                if (upstream == null || upstream.isClosed()) {
                    upstream = connectUpstream();
                    upIn = upstream == null ? null : new BufferedInputStream(upstream.getInputStream(), 64 * 1024);
                }
                if (upstream == null) {
                    HttpHead.copyBody(request, in, OutputStream.nullOutputStream(), false);
                    badGateway(out);
                    seen.add(new Seen(request.method(), path, 502, fault, arrived));
                    continue;
                }
                OutputStream up = upstream.getOutputStream();
                up.write(request.withoutExpect());
                HttpHead.copyBody(request, in, up, false);
                up.flush();
                HttpHead response = HttpHead.read(upIn);
                if (response == null) {
                    closeQuietly(upstream);
                    upstream = null;
                    badGateway(out);
                    seen.add(new Seen(request.method(), path, 502, fault, arrived));
                    continue;
                }
                boolean noBody = request.method().equals("HEAD") || response.status() == 204 || response.status() == 304;
                if (fault == Fault.RESET_AFTER) {
                    if (!noBody) {
                        HttpHead.copyBody(response, upIn, OutputStream.nullOutputStream(), true);
                    }
                    seen.add(new Seen(request.method(), path, 0, fault, arrived));
                    reset(client);
                    return;
                }
                out.write(response.with(extraHeaders).bytes());
                boolean untilClose = !noBody && HttpHead.copyBody(response, upIn, out, true);
                out.flush();
                seen.add(new Seen(request.method(), path, response.status(), fault, arrived));
                if (untilClose || response.closes() || request.closes()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client or the registry went away: so does this connection
        } finally {
            if (upstream != null) {
                closeQuietly(upstream);
            }
            open.remove(client);
        }
    }

    private Socket connectUpstream() {
        try {
            Socket s = new Socket(targetHost, targetPort);
            s.setTcpNoDelay(true);
            open.add(s);
            return s;
        } catch (IOException refused) {
            return null;
        }
    }

    private static void answer(OutputStream out, Fault fault) throws IOException {
        boolean limited = fault == Fault.STATUS_429;
        byte[] body = ("{\"errors\":[{\"code\":\"" + (limited ? "TOOMANYREQUESTS" : "UNAVAILABLE")
                + "\",\"message\":\"injected by the test proxy\"}]}").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + (limited ? "429 Too Many Requests" : "503 Service Unavailable") + "\r\n"
                + (limited ? "Retry-After: 1\r\n" : "")
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static void badGateway(OutputStream out) throws IOException {
        out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Closes with a TCP reset (SO_LINGER 0), as a dropped connection looks to the client. */
    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closed already
        }
        closeQuietly(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
