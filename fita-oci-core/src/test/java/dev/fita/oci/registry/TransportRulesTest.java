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
    void backoffDoublesWithJitterAndRetryAfterIsCapped() {
        BackoffPolicy p = (BackoffPolicy) RetryPolicy.DEFAULT;
        assertEquals(Duration.ofSeconds(1), p.backoff(1));
        assertEquals(Duration.ofSeconds(2), p.backoff(2));
        assertEquals(Duration.ofSeconds(16), p.backoff(10), "capped at maxDelay");
        for (int i = 0; i < 50; i++) {
            long d = p.delay(3, null).toMillis();
            assertTrue(d >= 2000 && d <= 4000, "jittered between half and all of 4 s: " + d);
        }
        assertEquals(Duration.ofSeconds(5), p.delay(1, Duration.ofSeconds(5)));
        assertEquals(Duration.ofSeconds(60), p.delay(1, Duration.ofHours(1)), "Retry-After capped");
    }

    @Test
    void backoffPolicyGivesUpAtTheAttemptLimitOrTheTimeBudget() {
        BackoffPolicy p = new BackoffPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10),
                Duration.ofSeconds(20));
        assertTrue(p.retry(failed(1, Duration.ZERO, null)).isPresent());
        assertTrue(p.retry(failed(3, Duration.ZERO, null)).isEmpty(), "the third attempt was the last");
        assertEquals(java.util.Optional.of(Duration.ofSeconds(7)), p.retry(failed(1, Duration.ZERO, Duration.ofSeconds(7))));
        assertTrue(p.retry(failed(1, Duration.ofSeconds(15), Duration.ofSeconds(7))).isEmpty(), "past the 20 s budget");
        assertTrue(RetryPolicy.NONE.retry(failed(1, Duration.ZERO, null)).isEmpty());
    }

    private static FailedAttempt failed(int attempt, Duration elapsed, Duration retryAfter) {
        return new FailedAttempt(attempt, elapsed, "GET", "https://r.example.com/v2/", 503, retryAfter, null);
    }

    @Test
    void dockerHubApiHost() {
        assertEquals("registry-1.docker.io", DockerHub.apiHost("docker.io"));
        assertEquals("registry-1.docker.io", DockerHub.apiHost("index.docker.io"));
        assertEquals("registry.example.com", DockerHub.apiHost("registry.example.com"));
    }
}
