package dev.fita.oci.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import dev.fita.oci.Descriptor;
import dev.fita.oci.DigestVerifier;
import dev.fita.oci.InvalidDigestException;

/**
 * A blob's content as it downloads, verified: more bytes than the descriptor says, or bytes that do
 * not match its digest, fail the read instead of ending it. A connection that breaks off is resumed
 * where it stopped ({@code Range}, or skipping what a server without ranges sends again) under the
 * retry policy, so a consumer never sees the break.
 */
final class BlobDownload extends InputStream {

    private final Transport transport;
    private final Operation op;
    private final String url;
    private final Descriptor blob;
    private final DigestVerifier verifier;
    private final Retrier.Streak streak;
    private HttpExchange exchange;
    private InputStream body;
    private long resumedAt;
    private boolean verified;

    BlobDownload(Transport transport, Operation op, String url, Descriptor blob) {
        this.transport = transport;
        this.op = op;
        this.url = url;
        this.blob = blob;
        this.verifier = DigestVerifier.of(blob);
        this.streak = transport.retrier().streak(op);
        this.exchange = transport.retrier().run(streak, () -> request(Map.of(), 200));
        this.body = body(exchange);
    }

    private HttpExchange request(Map<String, String> headers, int... accepted) throws IOException, RetryableStatus {
        HttpExchange r = transport.send(Request.of(op, "GET", url, headers, null));
        for (int status : accepted) {
            if (r.status() == status) {
                return r;
            }
        }
        try (r) {
            throw transport.responses().unexpected(op, r);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            int n;
            try {
                n = body.read(b, off, len);
                if (n == -1 && verifier.count() < blob.size()) {
                    throw new IOException("blob " + blob.digest() + " ended after " + verifier.count() + " of "
                            + blob.size() + " bytes");
                }
            } catch (IOException e) {
                resume(e);
                continue;
            }
            if (n == -1) {
                verify();
                return -1;
            }
            try {
                verifier.update(b, off, n);
            } catch (InvalidDigestException e) {
                throw new RegistryResponseException(op.registry() + " sent more than the " + blob.size()
                        + " bytes of blob " + blob.digest() + " for " + op.repository() + ".", e);
            }
            return n;
        }
    }

    private void verify() {
        if (verified) {
            return;
        }
        try {
            verifier.verify();
            verified = true;
        } catch (InvalidDigestException e) {
            throw new RegistryResponseException(op.registry() + " sent content for blob " + blob.digest() + " of "
                    + op.repository() + " that does not match it: " + e.getMessage() + ".", e);
        }
    }

    /**
     * Waits as the policy says (or gives up), then asks for the rest of the blob. Bytes that arrived
     * since the last break start the count of failures again: a long download may break more than once.
     */
    private void resume(IOException failure) throws IOException {
        exchange.close();
        long offset = verifier.count();
        if (offset > resumedAt) {
            streak.succeeded();
        }
        resumedAt = offset;
        streak.pause(failure);
        exchange = transport.retrier().run(streak, () -> request(Map.of("Range", "bytes=" + offset + "-"), 200, 206));
        body = body(exchange);
        if (exchange.status() == 200) {
            // No range support: the body starts again at byte 0.
            body.skipNBytes(offset);
        }
    }

    private static InputStream body(HttpExchange r) {
        try {
            return r.body();
        } catch (IOException e) {
            return InputStream.nullInputStream(); // the first read fails over to a resume
        }
    }

    @Override
    public void close() {
        exchange.close();
    }
}
