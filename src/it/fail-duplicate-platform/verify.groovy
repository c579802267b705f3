// The same platform twice.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["linux/amd64", ~/(?i)duplicate|more than once|twice/])
lib.assertNothingAt("${itRegistry}/fita/fail-duplicate-platform:1")
return true
