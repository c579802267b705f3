// The per-platform tag, what it holds and what it should be, in one sentence; no tag moved.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def repo = "${itRegistry}/fita/fail-merge-wrong-platform"
lib.assertMergeRefused(basedir, repo, "${repo}:1-linux-arm64 holds a linux/amd64 image (its config says os 'linux', "
        + "architecture 'amd64'), not linux/arm64", '1-linux-arm64')
return true
