package dev.fita.maven.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;
import org.junit.jupiter.api.Test;

/**
 * The CI examples of docs/ci-matrix.md cannot run here (no GitHub, GitLab or Jenkins), so they are held
 * to what can be checked: the workflow files parse (YAML, and the Jenkinsfile as Groovy), and every
 * {@code mvn} command in them, for each platform of its matrix, is one the merge-matrix IT runs.
 */
class CiMatrixExamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    /** The IT's runner and merge goals, e.g. {@code deploy -Dfita.platforms=linux/arm64 -Dfita.partial=true}. */
    private static Set<String> itCommands() throws IOException {
        Properties invoker = new Properties();
        try (Reader in = Files.newBufferedReader(ROOT.resolve("src/it/merge-matrix/invoker.properties"))) {
            invoker.load(in);
        }
        Set<String> goals = new TreeSet<>();
        for (int i = 1; i <= 4; i++) {
            goals.add(invoker.getProperty("invoker.goals." + i).trim());
        }
        return goals;
    }

    private static List<String> blocks(String language) throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(ROOT.resolve("docs/ci-matrix.md")));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).equals(language)) {
                blocks.add(m.group(2));
            }
        }
        return blocks;
    }

    /** {@code mvn -B [-s file] goals} with {@code placeholder} replaced by each platform: the goals. */
    private static Set<String> expand(List<String> commands, String placeholder, List<String> platforms) {
        Set<String> out = new TreeSet<>();
        for (String command : commands) {
            String goals = command.trim().replaceFirst("^mvn -B (-s \\S+ )?", "");
            assertFalse(goals.startsWith("mvn"), "not of the form mvn -B [-s settings.xml] ...: " + command);
            for (String platform : goals.contains(placeholder) ? platforms : List.of("")) {
                out.add(goals.replace(placeholder, platform));
            }
        }
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void gitHubActionsRunsTheItsCommandsPerMatrixPlatform() throws IOException {
        JsonNode workflow = new YAMLMapper().readTree(blocks("yaml").get(0));
        JsonNode jobs = workflow.required("jobs");
        List<String> commands = new ArrayList<>();
        jobs.forEach(job -> job.required("steps").forEach(step -> {
            if (step.path("run").asText().contains("mvn")) {
                commands.add(step.get("run").asText());
            }
        }));
        List<String> platforms = new ArrayList<>();
        jobs.required("platform").at("/strategy/matrix/include").forEach(e -> platforms.add(e.required("platform").asText()));
        assertEquals("platform", jobs.at("/merge/needs").asText(), "the merge job waits for every runner");
        assertEquals(itCommands(), expand(commands, "${{ matrix.platform }}", platforms));
    }

    @Test
    void gitLabCiRunsTheItsCommandsPerMatrixPlatform() throws IOException {
        JsonNode pipeline = new YAMLMapper().readTree(blocks("yaml").get(1));
        List<String> commands = new ArrayList<>();
        pipeline.forEach(job -> job.path("script").forEach(line -> commands.add(line.asText())));
        List<String> platforms = new ArrayList<>();
        pipeline.at("/platform/parallel/matrix").forEach(e -> platforms.add(e.required("PLATFORM").asText()));
        assertEquals(List.of("platforms", "merge"), texts(pipeline.required("stages")));
        assertEquals(List.of("platform"), texts(pipeline.at("/merge/needs")), "the merge job waits for every runner");
        assertEquals(itCommands(), expand(commands, "$PLATFORM", platforms));
    }

    @Test
    void theJenkinsfileParsesAndRunsTheItsCommandsPerParallelStage() throws IOException {
        List<String> groovy = blocks("groovy");
        assertEquals(1, groovy.size());
        String jenkinsfile = groovy.get(0);
        CompilationUnit unit = new CompilationUnit();
        unit.addSource("Jenkinsfile", jenkinsfile);
        unit.compile(Phases.CONVERSION);  // a syntax error throws here

        List<String> commands = new ArrayList<>();
        Matcher sh = Pattern.compile("sh [\"']([^\"']*mvn [^\"']*)[\"']").matcher(jenkinsfile);
        while (sh.find()) {
            commands.add(sh.group(1));
        }
        Set<String> platforms = new LinkedHashSet<>();
        Matcher runner = Pattern.compile("runner\\('([^']+)'\\)").matcher(jenkinsfile);
        while (runner.find()) {
            platforms.add(runner.group(1));
        }
        assertTrue(jenkinsfile.contains("parallel {"), "a parallel stage");
        assertEquals(itCommands(), expand(commands, "${platform}", List.copyOf(platforms)));
    }
}
