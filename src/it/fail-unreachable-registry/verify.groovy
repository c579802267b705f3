// to.image names a registry where nothing listens (127.0.0.1:1).
def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertFailedWith(basedir, ["127.0.0.1:1", ~/(?i)refused|connect|unreachable/])
// The build itself succeeded: only the push failed, and it said where.
assert new File(basedir, "target/fita/image/index.json").isFile()
return true
