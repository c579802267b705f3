// to.image is not a valid image reference (upper case repository).
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["fita/UPPER/Case:1"])
lib.assertNothingAt("${itRegistry}/fita/upper/case:1")
return true
