// Runs a command in a real terminal (a detached tmux pane) and returns both what it wrote (the raw
// bytes, from tmux pipe-pane) and what a user sees afterwards (tmux capture-pane: every row of the
// scrollback and the screen, after tmux interpreted CR, cursor moves, erases and colours).
// Loaded with: def pty = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, 'Pty.groovy')).newInstance()
import java.util.concurrent.TimeUnit

class Pty {
    static final String DONE = 'FITA-PTY-EXIT='
    static final int COLUMNS = 120
    static final int ROWS = 40

    /** Fails with an install hint when tmux is missing (never a silent skip). */
    void requireTmux() {
        def found = System.getenv('PATH').split(File.pathSeparator).any { new File(it, 'tmux').canExecute() }
        assert found : 'tmux is not installed: install it with `apt-get install tmux` or run scripts/test'
    }

    /**
     * Runs {@code command} (a list of words) in {@code dir} in a fresh tmux server, with the extra
     * environment {@code env} (e.g. TERM=dumb); waits up to {@code seconds}.
     * Returns [exit: int, raw: String, rows: List<String> (scrollback + screen), screen: List<String> (screen only)].
     */
    Map run(String name, File dir, List<String> command, Map<String, String> env, int seconds = 300) {
        requireTmux()
        def work = new File(dir, "target/pty/${name}")
        work.deleteDir()
        work.mkdirs()
        def raw = new File(work, 'raw.log')
        def go = new File(work, 'go')
        def exports = env.collect { k, v -> "export ${k}=${quote(v)}" }.join('\n')
        new File(work, 'run.sh').text = """\
            while [ ! -e ${quote(go.path)} ]; do sleep 0.1; done
            cd ${quote(dir.path)}
            unset MAVEN_OPTS MAVEN_ARGS
            export JAVA_HOME=${quote(System.getProperty('java.home'))}
            ${exports}
            ${command.collect { quote(it) }.join(' ')}
            echo "${DONE}\$?"
            exec sleep ${seconds}
            """.stripIndent()
        String socket = "fita-it-${name}-${ProcessHandle.current().pid()}"
        def tmux = { List<String> args -> ok(['tmux', '-L', socket, '-f', '/dev/null'] + args) }
        tmux(['new-session', '-d', '-s', 'pty', '-x', "${COLUMNS}", '-y', "${ROWS}", "sh ${quote(new File(work, 'run.sh').path)}"])
        try {
            tmux(['pipe-pane', '-t', 'pty', '-o', "cat >> ${quote(raw.path)}"])
            go.text = ''
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
            def written = ~/${DONE}\d+\r?\n/
            def shown = ~/^${DONE}\d+$/
            def screen = []
            // Done once the whole sentinel line is both in the raw output and on tmux's screen.
            while (!(raw.isFile() && raw.text =~ written && (screen = capture(tmux, false)).any { it ==~ shown })) {
                assert System.nanoTime() < deadline : "`${command.take(4).join(' ')} ...` did not finish in a terminal within ${seconds} s:\n${raw.isFile() ? raw.text.takeRight(3000) : ''}"
                Thread.sleep(200)
            }
            def rows = capture(tmux, true)
            def text = raw.text
            def m = text =~ /${DONE}(\d+)/
            assert m.find()
            new File(work, 'rows.txt').text = rows.join('\n')
            return [exit: m.group(1).toInteger(), raw: text, rows: trim(rows), screen: trim(screen)]
        } finally {
            ['tmux', '-L', socket, 'kill-server'].execute().waitFor(10, TimeUnit.SECONDS)
        }
    }

    /** The rows tmux shows, wrapped lines joined: the screen, or the scrollback and the screen. */
    private static List<String> capture(Closure tmux, boolean scrollback) {
        def args = ['capture-pane', '-p', '-J', '-t', 'pty'] + (scrollback ? ['-S', '-', '-E', '-'] : [])
        return tmux(args).readLines()*.replaceAll(/\s+$/, '')
    }

    private static List<String> trim(List<String> rows) {
        def out = new ArrayList<String>(rows)
        while (!out.isEmpty() && out[-1].isEmpty()) out.remove(out.size() - 1)
        return out
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'"
    }

    private static String ok(List<String> cmd) {
        def p = new ProcessBuilder(cmd.collect { it.toString() }).redirectErrorStream(true).start()
        def out = p.inputStream.text
        assert p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 : "`${cmd.join(' ')}` failed:\n${out}"
        return out
    }
}
