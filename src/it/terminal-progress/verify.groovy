// The console output of fita:build and fita:push. The invoker run (output in a file) has plain lines;
// then the same Maven builds this project in a real terminal (tmux): with the live footer, a log line
// never shares a row with footer text and the final screen holds no footer (also when the build fails);
// with --batch-mode, TERM=dumb or -Dfita.console=plain the output holds no escape sequence at all.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def pty = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, 'Pty.groovy')).newInstance()
def ESC = '\u001B'
def BAR = ~/\[[= ]{10,}\]/                 // a progress bar: footer text
def LEVEL = ~/\[(INFO|WARNING|ERROR|DEBUG)\]/

// 1. Not a terminal: plain lines, no escapes.
def log = lib.buildLog(basedir)
assert !log.contains('BUILD FAILURE') : lib.tail(log)
assert !log.contains(ESC) : 'an escape sequence in a build log that is not a terminal'
assert log.readLines().any { it ==~ /\[INFO\] Building linux\/amd64, linux\/arm64: 100%/ } : lib.tail(log)
assert log.readLines().any { it ==~ /\[INFO\] Pushing blobs: 0\.0 of 16\.\d MB \(0%\)/ } : lib.tail(log)
assert log.readLines().any { it ==~ /\[INFO\] Pushing blobs: (16\.\d) of \1 MB \(100%\), [0-9.]+ MB\/s/ } : lib.tail(log)

// The same Maven, repositories and registry as the invoker run; a fresh repository per run, so every push uploads.
new File(basedir, 'target/pty').mkdirs()
def settings = new File(basedir, 'target/pty/settings.xml')
settings.text = '<settings/>\n'
def mvn = [new File(System.getProperty('maven.home'), 'bin/mvn').path, '-ntp', '-s', settings.path,
           "-Dmaven.repo.local=${localRepositoryPath}", "-Dmaven.repo.local.tail=${userRepository}",
           "-Dit.registry=${itRegistry}"]*.toString()
def target = { String run -> "-Dfita.to.image=${itRegistry}/fita/terminal-${run}-${System.currentTimeMillis()}:1".toString() }
def show = { Map r -> r.rows.join('\n') }

/** No row mixes footer text into a log line or keeps it after the goal; every row is one whole log line. */
def assertCleanRows = { Map r ->
    r.rows.eachWithIndex { row, i ->
        assert !(row =~ BAR) : "row ${i} holds footer text (mixed into a log line, or not erased):\n${row}\n\n${show(r)}"
        if (!row.isEmpty() && !row.startsWith(pty.DONE)) {
            def levels = (row =~ LEVEL).size()
            assert row =~ /^${LEVEL}/ && levels == 1 : "row ${i} is not one whole log line:\n${row}\n\n${show(r)}"
        }
    }
    assert !r.screen.any { it =~ BAR } : "the final screen holds footer text:\n${r.screen.join('\n')}"
    assert r.screen[-1].startsWith(pty.DONE) : r.screen.join('\n')
}

// 2. Rich, in a terminal (tmux's TERM): the footer was drawn, Jib's warnings came while it was up.
def rich = pty.run('rich', basedir, mvn + ['package', 'fita:push', target('rich')], [:])
assert rich.exit == 0 : show(rich)
assertCleanRows(rich)
// One jib-core run builds both platforms: one footer line for the two.
assert rich.raw.contains("${ESC}[1mlinux/amd64, linux/arm64 [") : 'no build footer was drawn'
assert rich.raw.contains("${ESC}[1mPushing blobs [") : 'no push footer was drawn'
assert rich.raw =~ /${ESC}\[\d+A${ESC}\[0J/ : 'the footer was never erased'
def warning = rich.rows.findIndexOf { it.startsWith("[WARNING] Failed to connect to https://${itRegistry}") }
assert warning >= 0 : "no HTTPS fallback warning from Jib:\n${show(rich)}"
// Proof that the footer was up when the warning came: in the raw output, the erase right before it.
def before = rich.raw.substring(0, rich.raw.indexOf("Failed to connect to https://${itRegistry}"))
assert before =~ /${ESC}\[\d+A${ESC}\[0J(\S*\s?){0,3}$/ : "the footer was not up when Jib's warning came"
assert rich.rows.any { it ==~ /\[INFO\] Pushing blobs: (16\.\d) of \1 MB \(100%\), [0-9.]+ MB\/s/ } : show(rich)
assert rich.rows.any { it.contains('BUILD SUCCESS') } : show(rich)

// 3. Rich, and the build fails while a footer line is up: the screen still ends clean.
def failed = pty.run('rich-failure', basedir, mvn + ['fita:build', '-Dfita.platforms=linux/s390x'], [:])
assert failed.exit != 0 : show(failed)
assertCleanRows(failed)
assert failed.raw.contains("${ESC}[1mlinux/s390x [") : 'no footer was drawn before the failure'
assert failed.rows.any { it.startsWith('[ERROR]') && it.contains('linux/s390x') } : show(failed)

// 4. Plain in a terminal: --batch-mode; TERM=dumb; -Dfita.console=plain (over -Djib.console=rich).
// Maven's own escapes are turned off (style.color=never: its colours; jansi.noreset: the colour reset
// Jansi writes when Maven starts and ends), so any escape left would be fita's or Jib's.
def quietMaven = [MAVEN_OPTS: '-Djansi.noreset=true']
def plainRuns = [
    batch: [mvn + ['-B', 'fita:build', 'fita:push', target('batch')], quietMaven],
    dumb: [mvn + ['-Dstyle.color=never', 'fita:build', '-Dfita.platforms=linux/amd64'], quietMaven + [TERM: 'dumb']],
    property: [mvn + ['-Dstyle.color=never', 'fita:build', '-Dfita.platforms=linux/amd64', '-Dfita.console=plain',
                      '-Djib.console=rich'], quietMaven],
]
plainRuns.each { name, run ->
    def r = pty.run(name, basedir, run[0], run[1])
    assert r.exit == 0 : show(r)
    assert !r.raw.contains(ESC) : "an escape sequence in the ${name} run: ${r.raw.substring(r.raw.indexOf(ESC)).take(40).inspect()}"
    assert r.rows.any { it ==~ /\[INFO\] Building linux\/amd64(, linux\/arm64)?: 100%/ } : show(r)
    assertCleanRows(r)
}
return true
