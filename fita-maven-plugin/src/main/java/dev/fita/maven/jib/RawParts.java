package dev.fita.maven.jib;

import com.google.cloud.tools.jib.plugins.common.AuthProperty;
import com.google.cloud.tools.jib.plugins.common.RawConfiguration.CredHelperConfiguration;
import com.google.cloud.tools.jib.plugins.common.RawConfiguration.ExtraDirectoriesConfiguration;
import com.google.cloud.tools.jib.plugins.common.RawConfiguration.PlatformConfiguration;
import dev.fita.maven.config.Auth;
import dev.fita.maven.config.CredHelper;
import dev.fita.maven.config.ExtraDirectory;
import dev.fita.oci.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** fita's resolved values in the shapes of the parts of Jib's {@code RawConfiguration}. */
final class RawParts {
    private RawParts() {}

    /** {@code <from><auth>} or {@code <to><auth>}; the descriptors name the element, never the value. */
    record JibAuth(Auth auth, String side) implements AuthProperty {
        @Override
        public String getUsername() {
            return auth == null ? null : auth.username();
        }

        @Override
        public String getPassword() {
            return auth == null ? null : auth.password();
        }

        @Override
        public String getAuthDescriptor() {
            return "<" + side + "><auth>";
        }

        @Override
        public String getUsernameDescriptor() {
            return getAuthDescriptor() + "<username>";
        }

        @Override
        public String getPasswordDescriptor() {
            return getAuthDescriptor() + "<password>";
        }

        @Override
        public String toString() {
            return getAuthDescriptor();
        }
    }

    record JibCredHelper(CredHelper helper) implements CredHelperConfiguration {
        @Override
        public Optional<String> getHelperName() {
            return Optional.ofNullable(helper.helper());
        }

        @Override
        public Map<String, String> getEnvironment() {
            return helper.environment();
        }
    }

    record JibPlatform(Platform platform) implements PlatformConfiguration {
        @Override
        public Optional<String> getOsName() {
            return Optional.of(platform.os());
        }

        @Override
        public Optional<String> getArchitectureName() {
            return Optional.of(platform.architecture());
        }
    }

    record JibExtraDirectory(ExtraDirectory directory) implements ExtraDirectoriesConfiguration {
        @Override
        public Path getFrom() {
            return directory.from();
        }

        @Override
        public String getInto() {
            return directory.into();
        }

        @Override
        public List<String> getIncludesList() {
            return directory.includes();
        }

        @Override
        public List<String> getExcludesList() {
            return directory.excludes();
        }
    }
}
