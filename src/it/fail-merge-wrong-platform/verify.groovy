// The per-platform tag, what it holds and what it should be, in one sentence; no tag moved.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def repo = "${itRegistry}/fita/fail-merge-wrong-platform"
lib.assertFailedWith(basedir, ["${repo}:1-linux-arm64 holds a linux/amd64 image (its config says os 'linux', "
        + "architecture 'amd64'), not linux/arm64"])
lib.assertNothingAt("${repo}:1")
assert lib.digestOf("${repo}:1-linux-arm64") == new File(basedir, 'seeded.txt').text
return true
