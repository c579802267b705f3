// The base image has linux/amd64, linux/arm64 and linux/arm/v7 only; linux/s390x is asked for.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["linux/s390x", "base/tiny:1"])
lib.assertNothingAt("${itRegistry}/fita/fail-base-missing-platform:1")
return true
