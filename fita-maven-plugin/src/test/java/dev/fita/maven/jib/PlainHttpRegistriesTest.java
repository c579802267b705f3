package dev.fita.maven.jib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.cloud.tools.jib.api.LogEvent;
import dev.fita.oci.registry.PlainHttpRegistryException;
import dev.fita.oci.testing.TestRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Jib's first retry warning for an https URL: one probe, and the build ends only when the registry speaks plain HTTP. */
class PlainHttpRegistriesTest {

    private static LogEvent retry(String host) {
        return LogEvent.warn("GET https://" + host + "/v2/base/tiny/manifests/1 failed and will be retried");
    }

    @Test
    void aPlainRegistryEndsJibsRetriesAtTheFirstWarning() {
        try (TestRegistry plain = TestRegistry.start()) {
            List<LogEvent> passed = new CopyOnWriteArrayList<>();
            PlainHttpRegistries guard = new PlainHttpRegistries(passed::add, false);
            PlainHttpRegistryException e = assertThrows(PlainHttpRegistryException.class, () -> guard.accept(retry(plain.host())));
            assertEquals(plain.host(), e.registry());
            assertEquals(List.of(), passed, "Jib's retry warning is not shown: the build ends with fita's sentence");
        }
    }

    @Test
    void aTlsRegistryThatFailsForAnotherReasonLetsJibRetry() {
        try (TestRegistry tls = TestRegistry.builder().tls(true).start()) {
            List<LogEvent> passed = new CopyOnWriteArrayList<>();
            PlainHttpRegistries guard = new PlainHttpRegistries(passed::add, false);
            guard.accept(retry(tls.host()));
            guard.accept(retry(tls.host()));
            assertEquals(2, passed.size(), "both warnings shown, the registry probed once");
        }
    }

    @Test
    void withInsecureRegistriesAllowedNothingIsProbed() {
        try (TestRegistry plain = TestRegistry.start()) {
            List<LogEvent> passed = new CopyOnWriteArrayList<>();
            // A probe would find the plain registry and throw: none happens.
            new PlainHttpRegistries(passed::add, true).accept(retry(plain.host()));
            new PlainHttpRegistries(passed::add, false).accept(LogEvent.warn("GET https://" + plain.host() + "/v2/ failed"));
            assertEquals(2, passed.size());
        }
    }
}
