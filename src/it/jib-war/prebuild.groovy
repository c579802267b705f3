def lib = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib)).newInstance()
// The servlet container base image both builds start from.
Class.forName('dev.fita.maven.it.diff.ServletBaseImage', true, getClass().classLoader).push(itRegistry)
lib.writeCandidatePom(basedir, itDiffCandidate, fitaVersion)
return true
