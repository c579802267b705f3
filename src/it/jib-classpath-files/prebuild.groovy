def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
lib.writeCandidatePom(basedir, itDiffCandidate, fitaVersion)
return true
