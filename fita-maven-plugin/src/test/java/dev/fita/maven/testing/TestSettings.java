package dev.fita.maven.testing;

import dev.fita.maven.config.Auth;
import dev.fita.maven.config.AuthConfig;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.PlatformConfig;
import dev.fita.maven.config.PropertyOverrides;
import dev.fita.maven.config.SettingsResolver;
import dev.fita.maven.config.ToConfig;
import java.nio.file.Path;
import java.util.List;

/** Resolved settings for tests of the push, inspect and registry helpers, from a minimal pom configuration. */
public final class TestSettings {
    private TestSettings() {}

    /**
     * Output under {@code outputDirectory} (a project's {@code target/fita}), pushing to {@code toImage}
     * (may be null) as {@code auth} (may be null), linux/amd64 only, over any TLS.
     */
    public static FitaSettings of(Path outputDirectory, String toImage, Auth auth) {
        Poms pom = new Poms(outputDirectory.getParent().getParent());
        if (toImage != null) {
            ToConfig to = Poms.to(toImage, List.of());
            if (auth != null) {
                Beans.set(to, "auth", new AuthConfig(auth.username(), auth.password()));
            }
            pom.to = to;
        }
        PlatformConfig amd64 = new PlatformConfig();
        amd64.set("linux/amd64");
        pom.platforms = List.of(amd64);
        pom.container = Poms.container("mainClass", "org.example.Main");
        pom.allowInsecureRegistries = true;
        return new SettingsResolver(new PropertyOverrides(null, null, null)).resolve(pom.build());
    }
}
