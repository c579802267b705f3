def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.assertSameImageAsJib(basedir, itRegistry)
return true
