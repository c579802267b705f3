// service.json is empty.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["service.json", ~/(?i)empty/])
lib.assertNothingAt("${itRegistry}/fita/fail-empty-service:1")
return true
