package dev.fita.maven.jib;

import com.google.cloud.tools.jib.api.LogEvent;
import dev.fita.oci.registry.ImageReference;
import dev.fita.oci.registry.PlainHttpRegistryException;
import dev.fita.oci.registry.RegistryClient;
import dev.fita.oci.registry.RegistryException;
import dev.fita.oci.registry.RetryPolicy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-HTTP registry without {@code <allowInsecureRegistries>}: Jib retries its TLS handshake for
 * about a minute before it gives up. This sits in front of Jib's log and, at Jib's first "failed and
 * will be retried" warning for an {@code https://} URL, asks that registry once (a failed handshake
 * and a plain {@code GET /v2/}); only when it really answers in plain HTTP does the build end there,
 * with the sentence that says what to set. Nothing is probed when no request fails, so a healthy build
 * pays nothing.
 */
public final class PlainHttpRegistries implements Consumer<LogEvent> {
    private static final Pattern RETRY = Pattern.compile("^[A-Z]+ https://([^/?#]+)\\S* failed and will be retried$");

    private final Consumer<LogEvent> log;
    private final boolean allowInsecure;
    private final Set<String> probed = ConcurrentHashMap.newKeySet();

    public PlainHttpRegistries(Consumer<LogEvent> log, boolean allowInsecure) {
        this.log = log;
        this.allowInsecure = allowInsecure;
    }

    /** The goals' sentence for {@code e}, with the element and property to set. */
    public static String sentence(PlainHttpRegistryException e) {
        return e.registry() + " speaks plain HTTP, not HTTPS; set <allowInsecureRegistries>true</allowInsecureRegistries>"
                + " (or -Dfita.allowInsecureRegistries) to use it";
    }

    @Override
    public void accept(LogEvent event) {
        if (!allowInsecure && event.getLevel() == LogEvent.Level.WARN) {
            Matcher m = RETRY.matcher(Ansi.strip(event.getMessage()).trim());
            if (m.matches() && probed.add(m.group(1))) {
                // Thrown from Jib's own request thread: Jib's build ends with it instead of retrying.
                probe(m.group(1));
            }
        }
        log.accept(event);
    }

    private static void probe(String host) {
        RegistryClient client = RegistryClient.builder().retryPolicy(RetryPolicy.NONE)
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
        try {
            client.ping(ImageReference.parse(host + "/probe"));
        } catch (PlainHttpRegistryException plain) {
            throw plain;
        } catch (RegistryException | IllegalArgumentException other) {
            // not a plain-HTTP registry: Jib's retries go on as they would
        }
    }
}
