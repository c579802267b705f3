// linux/amd64's per-platform tag holds a whole multi-platform index (pushed without -Dfita.partial).
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def repo = "${itRegistry}/fita/fail-merge-index"
new File(basedir, 'seeded.txt').text = lib.copyImage("${itRegistry}/base/tiny:1", "${repo}:1-linux-amd64", null)
lib.copyImage("${itRegistry}/base/tiny:1", "${repo}:1-linux-arm64", 'arm64')
return true
