// embServe.service names a file that does not exist: the build names it and pushes nothing.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["absent-service.json", ~/(?i)not found|does not exist|no such file|cannot be read|is missing/])
lib.assertNothingAt("${itRegistry}/fita/fail-missing-service:1")
return true
