// service.json lacks the version field.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["service.json", "version"])
lib.assertNothingAt("${itRegistry}/fita/fail-missing-version:1")
return true
