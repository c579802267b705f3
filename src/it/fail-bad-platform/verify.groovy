// A platform string without os/architecture form.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["linux-amd64"])
lib.assertNothingAt("${itRegistry}/fita/fail-bad-platform:1")
return true
