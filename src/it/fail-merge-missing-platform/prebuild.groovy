// The linux/amd64 runner pushed its image; the linux/arm64 runner failed before pushing.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def repo = "${itRegistry}/fita/fail-merge-missing-platform"
new File(basedir, 'seeded.txt').text = lib.copyImage("${itRegistry}/base/tiny:1", "${repo}:1-linux-amd64", 'amd64')
return true
