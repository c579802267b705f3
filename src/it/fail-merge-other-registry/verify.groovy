// A per-platform image outside <to><image> given without its registry: one sentence, at once, no tag moved.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["-Dfita.platformImages linux/arm64: 'ci/merge:1-linux-arm64' is not a full reference; "
        + "per-platform images outside <to><image> are given with registry and tag, e.g. ci.example.com/fita/app:1.0-linux-arm64"])
lib.assertFailedAtOnce(basedir, 'merge', 20)
lib.assertNothingAt("${itRegistry}/fita/fail-merge-other-registry:1")
return true
