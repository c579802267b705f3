package dev.fita.maven.testing;

import com.google.cloud.tools.jib.filesystem.TempDirectoryProvider;
import com.google.cloud.tools.jib.maven.MavenProjectProperties;
import com.google.cloud.tools.jib.plugins.common.globalconfig.GlobalConfig;
import dev.fita.maven.build.BuildResult;
import dev.fita.maven.build.ImageBuildService;
import dev.fita.maven.config.FitaSettings;
import dev.fita.maven.config.PropertyOverrides;
import dev.fita.maven.config.SettingsResolver;
import dev.fita.maven.credentials.SettingsServers;
import dev.fita.maven.jib.JibImageBuilder;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Runs the build path as BuildMojo wires it (settings from a pom, Jib's MavenProjectProperties,
 * JibImageBuilder, ImageBuildService) on a test project, against real registries.
 */
public final class JibBuilds {
    private JibBuilds() {}

    public static FitaSettings settings(Poms pom, Properties userProperties, MavenProject project) {
        return new SettingsResolver(properties(userProperties, project)).resolve(pom.build());
    }

    public static BuildResult build(FitaSettings settings, MavenProject project, MavenSession session,
            SettingsServers servers, RecordingLog log) throws Exception {
        TempDirectoryProvider temporary = new TempDirectoryProvider();
        MavenProjectProperties jib = TestProjects.jib(project, session, log, temporary);
        try {
            JibImageBuilder builder = new JibImageBuilder(settings,
                    properties(session.getUserProperties(), project),
                    new JibImageBuilder.Context(jib, servers, GlobalConfig.readConfig(), "test", log));
            return new ImageBuildService(builder, log).build(settings, null, "app:1.0");
        } finally {
            temporary.close();
            jib.waitForLoggingThread();
        }
    }

    private static PropertyOverrides properties(Properties userProperties, MavenProject project) {
        return new PropertyOverrides(userProperties, null, project.getProperties());
    }
}
