// service.json is not valid JSON: the message names the file and line:column.
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["service.json", ~/(?i)line:? ?5\D{1,12}\d+|5:\d+/])
lib.assertNothingAt("${itRegistry}/fita/fail-malformed-json:1")
return true
