// linux/amd64's runner pushed its image; linux/arm64's "runner" pushed the amd64 image too.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def repo = "${itRegistry}/fita/fail-merge-wrong-platform"
lib.copyImage("${itRegistry}/base/tiny:1", "${repo}:1-linux-amd64", 'amd64')
new File(basedir, 'seeded.txt').text = lib.copyImage("${itRegistry}/base/tiny:1", "${repo}:1-linux-arm64", 'amd64')
return true
