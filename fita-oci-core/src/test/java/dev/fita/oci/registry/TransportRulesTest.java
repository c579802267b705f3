package dev.fita.oci.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The small rules under the transport: challenges, origins, loopback, backoff. */
class TransportRulesTest {

    @Test
    void parsesBearerChallenge() {
        AuthChallenge c = AuthChallenge.parse(
                "Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:fita/x:pull,push\"");
        assertTrue(c.isBearer());
        assertEquals("https://auth.example.com/token", c.param("realm"));
        assertEquals("registry.example.com", c.param("service"));
        assertEquals("repository:fita/x:pull,push", c.param("scope"));
        assertTrue(AuthChallenge.parse("Basic realm=\"Registry Realm\"").isBasic());
        assertEquals("none", AuthChallenge.parse(null).scheme());
    }

    @Test
    void originIsSchemeHostAndPort() {
        assertTrue(Redirects.sameOrigin("https://r.example.com", "https://r.example.com:443/v2/x/blobs/y"));
        assertFalse(Redirects.sameOrigin("https://r.example.com", "http://r.example.com/v2/"));
        assertFalse(Redirects.sameOrigin("http://127.0.0.1:5000", "http://127.0.0.1:5001/store"));
        assertFalse(Redirects.sameOrigin("https://r.example.com", "https://storage.example.com/blob"));
    }

    @Test
    void loopbackHosts() {
        assertTrue(Redirects.isLoopback("localhost"));
        assertTrue(Redirects.isLoopback("127.0.0.1"));
        assertTrue(Redirects.isLoopback("[::1]"));
        assertFalse(Redirects.isLoopback("10.0.0.1"));
        assertFalse(Redirects.isLoopback("registry.example.com"));
    }

    @Test
    void backoffDoublesWithJitterUpToItsCap() {
        BackoffPolicy p = (BackoffPolicy) RetryPolicy.DEFAULT;
        assertEquals(Duration.ofMillis(250), p.backoff(1));
        assertEquals(Duration.ofMillis(500), p.backoff(2));
        assertEquals(Duration.ofSeconds(3), p.backoff(10), "capped at maxDelay");
        for (int i = 0; i < 50; i++) {
            long d = p.delay(3, null).toMillis();
            assertTrue(d >= 500 && d <= 1000, "jittered between half and all of 1 s: " + d);
            long r = p.delay(1, Duration.ofSeconds(5)).toMillis();
            assertTrue(r >= 5000 && r <= 5500, "Retry-After honoured, with up to a tenth more: " + r);
        }
    }

    @Test
    void theDefaultRetriesForThirtySecondsOfFailuresInARow() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertTrue(p.retry(failed(1, Duration.ZERO, null)).isPresent());
        assertTrue(p.retry(failed(12, Duration.ofSeconds(25), null)).isPresent(), "no attempt limit, a time budget");
        assertTrue(p.retry(failed(3, Duration.ofMillis(29_999), null)).isEmpty(), "the next wait would end past 30 s");
        assertTrue(p.retry(failed(1, Duration.ZERO, Duration.ofSeconds(1))).isPresent());
        assertTrue(p.retry(failed(1, Duration.ZERO, Duration.ofSeconds(40))).isEmpty(), "Retry-After past the budget");
        assertTrue(RetryPolicy.NONE.retry(failed(1, Duration.ZERO, null)).isEmpty());
        // A registry that died: failures in a row from 0.25 s doubling to 3 s, until 30 s are spent.
        Duration spent = Duration.ZERO;
        int attempts = 0;
        for (java.util.Optional<Duration> wait = p.retry(failed(++attempts, spent, null)); wait.isPresent();
                wait = p.retry(failed(++attempts, spent, null))) {
            spent = spent.plus(wait.get());
        }
        assertTrue(spent.compareTo(Duration.ofSeconds(24)) >= 0 && spent.compareTo(Duration.ofSeconds(30)) <= 0,
                "gave up after " + spent + " of waiting");
        assertTrue(attempts >= 12 && attempts <= 24, attempts + " attempts");
    }

    private static FailedAttempt failed(int attempt, Duration elapsed, Duration retryAfter) {
        return new FailedAttempt(attempt, elapsed, "GET", "https://r.example.com/v2/", 503, retryAfter, null);
    }

    @Test
    void uploadRangesCountBytesHeld() {
        assertEquals(0, HttpExchange.rangeEnd("0-0", 7), "Distribution's empty session");
        assertEquals(5 * 1024 * 1024, HttpExchange.rangeEnd("0-5242879", 7));
        assertEquals(100, HttpExchange.rangeEnd("bytes=0-99", 7));
        assertEquals(7, HttpExchange.rangeEnd(null, 7));
        assertEquals(7, HttpExchange.rangeEnd("garbage", 7));
    }

    @Test
    void dockerHubApiHost() {
        assertEquals("registry-1.docker.io", DockerHub.apiHost("docker.io"));
        assertEquals("registry-1.docker.io", DockerHub.apiHost("index.docker.io"));
        assertEquals("registry.example.com", DockerHub.apiHost("registry.example.com"));
    }
}
