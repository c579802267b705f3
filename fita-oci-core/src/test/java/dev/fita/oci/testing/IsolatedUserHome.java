package dev.fita.oci.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(IsolatedUserHome.class)}: each test sees an empty home directory of its own
 * ({@code user.home}, which jib-core reads {@code ~/.docker/config.json} through), so the developer's
 * credentials can neither leak into a test nor change its outcome. The old value comes back after
 * the test, and the directory is removed.
 */
public final class IsolatedUserHome implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(IsolatedUserHome.class);

    /** The home directory of the running test. */
    public static Path current() {
        return Path.of(System.getProperty("user.home"));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Path home = Files.createTempDirectory("fita-home-");
        context.getStore(NAMESPACE).put("previous", System.getProperty("user.home"));
        context.getStore(NAMESPACE).put("home", home);
        System.setProperty("user.home", home.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        System.setProperty("user.home", context.getStore(NAMESPACE).get("previous", String.class));
        Path home = context.getStore(NAMESPACE).get("home", Path.class);
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
