// embServe.config says zephyr/arm/v8 while the embServe platform is zephyr/arm/v7.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["config.json", ~/v8|variant/])
lib.assertNothingAt("${itRegistry}/fita/fail-config-platform:1")
return true
