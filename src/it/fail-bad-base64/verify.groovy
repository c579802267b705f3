// service.json's service field is not base64.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["service.json", ~/(?i)base64/])
lib.assertNothingAt("${itRegistry}/fita/fail-bad-base64:1")
return true
