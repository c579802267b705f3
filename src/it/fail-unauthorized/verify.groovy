// A wrong password for the authenticated registry: 401, named, and the password never printed.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
def errors = lib.assertFailedWith(basedir, [itAuthRegistry, ~/(?i)401|unauthori[sz]ed|authentication|credentials/])
assert !lib.buildLog(basedir).contains("wrong-password-4711") : "build.log holds the password"
lib.assertNothingAt("${itAuthRegistry}/fita/fail-unauthorized:1", "${itAuthUser}:${itAuthPassword}")
return true
