// Helpers for the ITs' verify.groovy scripts: run skopeo/umoci, read build.log, assert failures.
// Loaded with: def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

class ItLib {

    /** Runs a command (bounded in time); returns [exit: int, out: String, err: String]. */
    Map run(List<String> cmd, File dir = null) {
        requireTool(cmd[0])
        def pb = new ProcessBuilder(cmd.collect { it.toString() })
        if (dir != null) pb.directory(dir)
        def out = File.createTempFile('it-', '.out')
        def err = File.createTempFile('it-', '.err')
        pb.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(new File('/dev/null')))
        def p = pb.start()
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly()
            throw new AssertionError("`${cmd[0]} ${cmd[1]}` did not finish within 180 s")
        }
        def result = [exit: p.exitValue(), out: out.text, err: err.text]
        out.delete(); err.delete()
        return result
    }

    /** Runs a command that must succeed; returns its stdout. */
    String ok(List<String> cmd, File dir = null) {
        def r = run(cmd, dir)
        assert r.exit == 0 : "`${cmd.take(3).join(' ')} ...` failed (${r.exit}):\n${r.err}\n${r.out}"
        return r.out
    }

    void requireTool(String tool) {
        def pkg = [skopeo: 'skopeo', umoci: 'umoci'][tool]
        if (pkg == null) return
        def found = System.getenv('PATH').split(File.pathSeparator).any { new File(it, tool).canExecute() }
        assert found : "${tool} is not installed: install it with `apt-get install ${pkg}` or run scripts/test"
    }

    /** skopeo options to read from a test registry, with credentials for the authenticated one. */
    List<String> src(String creds) {
        def opts = ['--src-tls-verify=false']
        if (creds) opts += ['--src-creds', creds]
        return opts
    }

    /** The raw manifest or index at a reference, parsed, plus its bytes. */
    Map inspectRaw(String ref, String creds = null) {
        def cmd = ['skopeo', 'inspect', '--raw', '--tls-verify=false']
        if (creds) cmd += ['--creds', creds]
        def raw = ok(cmd + ["docker://${ref}".toString()])
        return [json: new JsonSlurper().parseText(raw), raw: raw]
    }

    /** The digest a tag resolves to. */
    String digestOf(String ref, String creds = null) {
        def cmd = ['skopeo', 'inspect', '--tls-verify=false', '--format', '{{.Digest}}']
        if (creds) cmd += ['--creds', creds]
        return ok(cmd + ["docker://${ref}".toString()]).trim()
    }

    /** Fails unless the registry has nothing at the reference. */
    void assertNothingAt(String ref, String creds = null) {
        def cmd = ['skopeo', 'inspect', '--raw', '--tls-verify=false']
        if (creds) cmd += ['--creds', creds]
        def r = run(cmd + ["docker://${ref}".toString()])
        assert r.exit != 0 : "expected nothing at ${ref}, but the registry has:\n${r.out}"
        assert (r.err =~ /(?i)manifest unknown|name unknown|not found|repository name not known/) :
                "skopeo failed for another reason than a missing tag at ${ref}:\n${r.err}"
    }

    String buildLog(File basedir) {
        def log = new File(basedir, 'build.log')
        assert log.isFile() : "no build.log in ${basedir}"
        return log.text
    }

    /** The build failed, and its log holds an [ERROR] line matching every pattern given. */
    String assertFailedWith(File basedir, List patterns) {
        def log = buildLog(basedir)
        assert log.contains('BUILD FAILURE') : "expected the build to fail:\n${tail(log)}"
        def errors = log.readLines().collect { it.replaceFirst(TIME, '') }.findAll { it.startsWith('[ERROR]') }.join('\n')
        patterns.each { p ->
            def pattern = p instanceof java.util.regex.Pattern ? p : java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(p.toString()))
            assert errors =~ pattern : "no [ERROR] line matches ${p}; the errors were:\n${errors}"
        }
        return errors
    }

    /** The time stamp -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS adds. */
    static final java.util.regex.Pattern TIME = ~/^(\d\d):(\d\d):(\d\d)\.(\d{3}) /

    /**
     * The goal printed nothing before the build failed, within maxSeconds of the goal's start: it failed on
     * its configuration, before any registry was asked (a registry retry loop takes about a minute). Needs
     * the time stamps above on the invoker command line.
     */
    void assertFailedAtOnce(File basedir, String goal, int maxSeconds) {
        def lines = buildLog(basedir).readLines()
        int start = lines.findIndexOf { it =~ /\[INFO\] --- fita:[^:]+:${goal} / }
        assert start >= 0 : "fita:${goal} did not run:\n${tail(lines.join('\n'))}"
        int end = lines.findIndexOf(start) { it.contains('BUILD FAILURE') }
        assert end > start : "the build did not fail after fita:${goal}:\n${tail(lines.join('\n'))}"
        def output = lines.subList(start + 1, end).findAll { !(it.replaceFirst(TIME, '') ==~ /\[INFO\][\s-]*/) }
        assert output.isEmpty() : "fita:${goal} did work before failing:\n${output.take(10).join('\n')}"
        long took = millis(lines[end]) - millis(lines[start])
        if (took < 0) took += 24 * 3600 * 1000L  // past midnight
        assert took < maxSeconds * 1000L : "fita:${goal} failed ${took} ms after it started"
    }

    private static long millis(String line) {
        def m = TIME.matcher(line)
        assert m.find() : "no time stamp on: ${line}"
        return ((m.group(1).toLong() * 60 + m.group(2).toLong()) * 60 + m.group(3).toLong()) * 1000 + m.group(4).toLong()
    }

    String tail(String log) {
        def lines = log.readLines()
        return lines.subList(Math.max(0, lines.size() - 40), lines.size()).join('\n')
    }

    // ---------------------------------------------------------------- differential ITs (jib-*)

    /**
     * Writes pom-candidate.xml: pom.xml with only jib-maven-plugin's groupId, artifactId and version
     * replaced by fita's (candidate 'fita'), or by Jib's own plus a comment (candidate 'jib', the
     * sanity check: the pom text differs as much, so anything that copies the pom into the image shows).
     */
    void writeCandidatePom(File basedir, String candidate, String fitaVersion) {
        assert candidate in ['fita', 'jib'] : "it.diff.candidate is '${candidate}', expected fita or jib"
        def pom = new File(basedir, 'pom.xml').text
        def coordinates = ~/<groupId>com\.google\.cloud\.tools<\/groupId>(\s*)<artifactId>jib-maven-plugin<\/artifactId>(\s*)<version>([^<]+)<\/version>/
        def m = pom =~ coordinates
        assert m.count == 1 : "${basedir.name}/pom.xml must declare jib-maven-plugin once, as <groupId>, <artifactId>, <version>"
        def replacement = candidate == 'jib'
                ? '<groupId>com.google.cloud.tools</groupId><!-- sanity check: Jib again -->$1<artifactId>jib-maven-plugin</artifactId>$2<version>$3</version>'
                : "<groupId>dev.fita</groupId>\$1<artifactId>fita-maven-plugin</artifactId>\$2<version>${fitaVersion}</version>"
        new File(basedir, 'pom-candidate.xml').text = m.replaceFirst(replacement)
    }

    /**
     * Compares the image Jib pushed (diff/<project>:jib) with the candidate's (diff/<project>:candidate)
     * in the plain IT registry, writes target/image-diff.txt (and Jib's image, target/image-jib.txt),
     * and fails on any difference that is not one of the allowed ones (src/it/README.md).
     */
    String assertSameImageAsJib(File basedir, String registry) {
        // Both builds log to build.log; a POM that Maven cannot read ends without "BUILD FAILURE".
        def log = buildLog(basedir)
        def success = '[INFO] BUILD SUCCESS'
        def successes = log.count(success)
        if (successes < 2) {
            def side = successes == 0 ? 'Jib' : 'candidate'
            def rest = successes == 0 ? log : log.substring(log.indexOf(success) + success.length())
            def errors = rest.readLines().findAll { it.startsWith('[ERROR]') && it.trim().length() > 8 }
            def error = errors.find { it.contains('Failed to execute') } ?: (errors ? errors.take(6).join('\n') : tail(log))
            assert false : "the ${side}'s build of ${basedir.name} failed: ${error}"
        }
        def repo = "${registry}/diff/${basedir.name}"
        def imageDiff = Class.forName('dev.fita.maven.it.diff.ImageDiff', true, getClass().classLoader)
        def report = imageDiff.compare("${repo}:jib".toString(), "${repo}:candidate".toString())
        def text = report.format()
        def file = new File(basedir, 'target/image-diff.txt')
        file.parentFile.mkdirs()
        file.text = text
        new File(basedir, 'target/image-jib.txt').text = report.jibImage()
        println text
        assert report.unexpected().isEmpty() : "the candidate's image differs from Jib's (${file}):\n${text}"
        return text
    }

    /**
     * Copies one platform's image of the index at {@code source} to {@code dest} as a single image (as a
     * runner's partial push leaves it), or with {@code arch} null the whole index; returns dest's digest.
     */
    String copyImage(String source, String dest, String arch, String destCreds = null) {
        def cmd = ['skopeo', 'copy', '--src-tls-verify=false', '--dest-tls-verify=false']
        if (destCreds) cmd += ['--dest-creds', destCreds]
        cmd += arch ? ['--override-os', 'linux', '--override-arch', arch] : ['--all']
        ok(cmd + ["docker://${source}".toString(), "docker://${dest}".toString()])
        return digestOf(dest, destCreds)
    }

    /**
     * fita:merge failed with {@code sentence}, moved no release tag of {@code repo}, and left the
     * per-platform tag {@code tag} at the digest prebuild.groovy wrote to seeded.txt.
     */
    void assertMergeRefused(File basedir, String repo, String sentence, String tag) {
        assertFailedWith(basedir, [sentence])
        assertNothingAt("${repo}:1")
        assert digestOf("${repo}:${tag}") == new File(basedir, 'seeded.txt').text : "${repo}:${tag} moved"
    }

    /** Index entries as 'os/arch[/variant]' strings. */
    List<String> platforms(Map index) {
        return index.manifests.collect { m ->
            def p = m.platform
            assert p != null : "index entry ${m.digest} has no platform"
            [p.os, p.architecture, p.variant].findAll { it }.join('/')
        }
    }
}
