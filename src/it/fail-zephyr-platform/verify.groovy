// zephyr/arm/v7 among the container platforms (it belongs to embServe).
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["zephyr/arm/v7", ~/(?i)platform/])
lib.assertNothingAt("${itRegistry}/fita/fail-zephyr-platform:1")
return true
